/** PostgreSQL returns bigint as a string; amounts in minor units stay far below 2^53. */
export const bigintAsNumber = { to: (value: number | null) => value, from: (value: string | number | null) => (value === null ? null : Number(value)) };
