/** The application's DataSource (saler_app). Only libs/platform/database may inject it. */
export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');
/** The cross-tenant DataSource (saler_system). Only the unit-of-work classes may inject it. */
export const SYSTEM_DATA_SOURCE = Symbol('SYSTEM_DATA_SOURCE');
