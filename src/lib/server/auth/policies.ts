/**
 * Who may do what. Staff may do everything; a volunteer acts only on the hubs assigned to them.
 * Every back-office page and action checks one of these on the server; hiding links is not enough.
 */
import type { SignedInUser } from './auth-session.ts';

/** Whether the user is HSCP staff. */
export function isStaff(user: SignedInUser | null | undefined): boolean {
	return user?.role === 'staff';
}

/** Whether the user may run sessions and see bookings at a hub. */
export function canManageHub(user: SignedInUser | null | undefined, hubId: string): boolean {
	if (!user) return false;
	return user.role === 'staff' || user.hubIds.includes(hubId);
}

/** The hubs whose figures and sessions the user may see: null for every hub (staff). */
export function hubsVisibleTo(user: SignedInUser): string[] | null {
	return user.role === 'staff' ? null : user.hubIds;
}
