import { ApiProperty } from '@nestjs/swagger';
import { ModelView } from '../../commands/model.view';

export class ModelMatchView {
  @ApiProperty({ type: ModelView })
  model: ModelView;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.875, description: 'Trigram similarity of the best matching name (1 is the same search key)' })
  score: number;
}

export class ModelSearchResult {
  @ApiProperty({ type: [ModelMatchView], description: 'Best first' })
  data: ModelMatchView[];
}
