import { ApiProperty } from '@nestjs/swagger';
import { FaqView } from '../../commands/faq.view';

export class FaqMatchView {
  @ApiProperty({ type: FaqView })
  faq: FaqView;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.44, description: 'Trigram similarity of the question to the query (1 is the same search key)' })
  score: number;
}

export class FaqMatchResult {
  @ApiProperty({ type: [FaqMatchView], description: 'Active FAQs only, best first' })
  data: FaqMatchView[];
}
