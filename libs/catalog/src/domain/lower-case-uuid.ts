/** UUIDs are case-insensitive; the API keeps (and compares) them lower-cased, as PostgreSQL prints them. */
export const lowerCaseUuid = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.toLowerCase() : value);
