/**
 * Progressive enhancement for /sessions: a month, week or list calendar (FullCalendar 7) for those
 * who want it, shown on request. The list of sessions on the page stays the accessible main view;
 * the calendar links to the same session pages and keeps keyboard focus in the page's tab order
 * (it traps nothing: every control is an ordinary button or link). A day with too many sessions to
 * show one by one comes from the server as one "N sessions" event linking to that day of the list,
 * and a note under the button says so.
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
	const note = document.createElement('p');
	note.className = 'ds_hint-text calendar-note';
	note.setAttribute('aria-live', 'polite');
	note.hidden = true;
	container.before(note);
	let busy = false;
	let calendar: Calendar | null = null;
	toggle.addEventListener('click', () => {
		const showing = container.hidden;
		container.hidden = !showing;
		note.hidden = !showing || !busy;
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
						.then((r) => {
							if (!r.ok) throw new Error(`The sessions could not be loaded (${r.status}).`);
							return r.json() as Promise<{ extendedProps?: { kind?: string } }[]>;
						})
						.then((input) => {
							// A day's count is drawn as timed sessions are (dark text by a dot), in bold: the
							// classic theme's filled all-day block puts white text on a blue below 4.5:1.
							const events = input.map((e) =>
								e.extendedProps?.kind === 'day-count'
									? { ...e, display: 'list-item', className: 'cal-day-count' }
									: e,
							);
							busy = input.some((e) => e.extendedProps?.kind === 'day-count');
							note.textContent = busy
								? 'Busy days show how many sessions they have instead of each one: select the number to see that day’s sessions in the list, or choose a hub, area or theme to see each session in the calendar.'
								: '';
							note.hidden = !busy || container.hidden;
							success(events);
						})
						.catch(failure);
				},
			});
			calendar.render();
		}
	});
}
