import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ModelView, NamedRef } from '../../commands/model.view';
import { ModelMatchView } from '../search-models/model-search.view';

export const QUOTE_MATCHES = ['id', 'search', 'ambiguous', 'none'] as const;
export type QuoteMatch = (typeof QUOTE_MATCHES)[number];

export class QuoteLineView {
  @ApiProperty({ example: 'EVA mats for Toyota Camry (sedan)' })
  label: string;

  @ApiProperty({ example: 450000, description: 'Minor units' })
  amountMinor: number;

  @ApiProperty({ enum: ['base', 'model', 'option'], description: 'base: the body type’s price; model: the model’s own price; option: an add-on' })
  kind: string;

  @ApiProperty({ format: 'uuid', description: 'The price row used' })
  priceId: string;

  @ApiProperty({ format: 'date-time', description: 'When that price row started' })
  validFrom: string;
}

/**
 * A quote. With modelQuery, `match` says how the model was found: `search` (one clear match),
 * `ambiguous` (the best matches are too close, or weak: `candidates` lists them and nothing is
 * priced) or `none` (nothing matched). An unavailable pair is `available: false` with its note and
 * no price. A missing price is a 422 naming what is missing.
 */
export class QuoteView {
  @ApiProperty({ enum: QUOTE_MATCHES })
  match: QuoteMatch;

  @ApiProperty({ type: ModelView, nullable: true })
  model: ModelView | null;

  @ApiProperty({ type: NamedRef })
  category: NamedRef;

  @ApiProperty({ type: Boolean, nullable: true, description: 'null when no model was chosen' })
  available: boolean | null;

  @ApiPropertyOptional({ type: String, description: 'The availability note of this model × category, when it has one' })
  note?: string;

  @ApiProperty({ type: [QuoteLineView], description: 'Empty when nothing is priced (not available, or no model chosen)' })
  lines: QuoteLineView[];

  @ApiProperty({ type: Number, nullable: true, example: 520000 })
  totalMinor: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'RUB' })
  currency: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The latest validFrom of the rows used: this total holds from then until a later price row' })
  priceValidFrom: string | null;

  @ApiProperty({ format: 'date-time', description: 'The moment the quote was priced at' })
  at: string;

  @ApiPropertyOptional({ type: [ModelMatchView], description: 'When match is ambiguous: the best matches, best first; quote again with one of their ids' })
  candidates?: ModelMatchView[];
}
