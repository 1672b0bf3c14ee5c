/** The body types every tenant starts with; a tenant may add more. */
export const DEFAULT_BODY_TYPES = ['sedan', 'suv', 'minivan', 'hatchback', 'wagon', 'coupe', 'pickup'] as const;
