export * from './meta.ts';
export * from './organisation.ts';
export * from './area.ts';
export * from './theme.ts';
export * from './hub.ts';
export * from './service.ts';
export * from './session.ts';
export * from './booking.ts';
