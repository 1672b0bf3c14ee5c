import type { StageKind } from './stage.entity';

export interface StageTemplate {
  name: string;
  probability: number;
  kind: StageKind;
}

/** Every tenant starts with this pipeline. */
export const DEFAULT_PIPELINE = {
  name: 'Sales',
  stages: [
    { name: 'New', probability: 10, kind: 'open' },
    { name: 'Contacted', probability: 20, kind: 'open' },
    { name: 'Qualified', probability: 40, kind: 'open' },
    { name: 'Proposal', probability: 70, kind: 'open' },
    { name: 'Won', probability: 100, kind: 'won' },
    { name: 'Lost', probability: 0, kind: 'lost' },
  ] satisfies StageTemplate[],
};
