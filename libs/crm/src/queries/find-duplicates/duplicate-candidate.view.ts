import { ApiProperty } from '@nestjs/swagger';
import { ContactView } from '../../commands/contact.view';

export const DUPLICATE_REASONS = ['email', 'phone', 'identity'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export class DuplicateCandidateView {
  @ApiProperty({ type: ContactView })
  contact: ContactView;

  @ApiProperty({ enum: DUPLICATE_REASONS, isArray: true, description: 'What the two contacts share' })
  reasons: DuplicateReason[];
}

export class DuplicateCandidateList {
  @ApiProperty({ type: [DuplicateCandidateView] })
  data: DuplicateCandidateView[];
}
