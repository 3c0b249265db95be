/**
 * Progressive enhancement for /sessions: a month, week or list calendar (FullCalendar 7) for those
 * who want it, shown on request. The list of sessions on the page stays the accessible main view;
 * the calendar links to the same session pages and keeps keyboard focus in the page's tab order
 * (it traps nothing: every control is an ordinary button or link).
 */
import { Calendar } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import timeGridPlugin from 'fullcalendar/timegrid';
import listPlugin from 'fullcalendar/list';
import classicThemePlugin from 'fullcalendar/themes/classic';

const container = document.getElementById('calendar-view');
if (container) {
	const api = container.dataset['api'] ?? '/api/sessions';
	const toggle = document.createElement('button');
	toggle.type = 'button';
	toggle.className = 'ds_button ds_button--secondary ds_button--small';
	toggle.textContent = 'Show calendar view';
	toggle.setAttribute('aria-expanded', 'false');
	toggle.setAttribute('aria-controls', 'calendar-view');
	container.before(toggle);
	let calendar: Calendar | null = null;
	toggle.addEventListener('click', () => {
		const showing = container.hidden;
		container.hidden = !showing;
		toggle.textContent = showing ? 'Hide calendar view' : 'Show calendar view';
		toggle.setAttribute('aria-expanded', String(showing));
		if (showing && calendar === null) {
			calendar = new Calendar(container, {
				plugins: [dayGridPlugin, timeGridPlugin, listPlugin, classicThemePlugin],
				initialView: 'dayGridMonth',
				timeZone: 'UTC',
				firstDay: 1,
				height: 'auto',
				// Our own classes, for the contrast and target-size fixes in site.scss (WCAG 1.4.3, 2.5.8).
				eventClass: 'cal-event',
				dayCellTopInnerClass: 'cal-day-number',
				headerToolbar: {
					start: 'prev,next today',
					center: 'title',
					end: 'dayGridMonth,timeGridWeek,listWeek',
				},
				eventTimeFormat: { hour: 'numeric', minute: '2-digit', meridiem: 'short' },
				events: (info, success, failure) => {
					const url = new URL(api, window.location.origin);
					url.searchParams.set('start', info.startStr.slice(0, 10));
					url.searchParams.set('end', info.endStr.slice(0, 10));
					fetch(url)
						.then((r) => r.json())
						.then(success)
						.catch(failure);
				},
			});
			calendar.render();
		}
	});
}
