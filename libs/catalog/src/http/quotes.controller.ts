import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, TenantContext } from '@saler/platform';
import { CalculateQuoteQuery } from '../queries/calculate-quote/calculate-quote.query';
import { CalculateQuoteRequest } from '../queries/calculate-quote/calculate-quote.request';
import { QuoteView } from '../queries/calculate-quote/quote.view';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/quotes')
export class QuotesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A POST because the request has a body; it changes nothing, so everyone who reads the catalogue may quote. */
  @Post()
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: QuoteView,
    description:
      'A priced quote (match id or search); or, for a modelQuery whose best matches are too close or weak, match ambiguous with candidates and no price (200, so a bot can ask which one); or match none. An unavailable pair: available false with the note.',
  })
  @ApiUnprocessableEntityResponse({ description: 'price-missing (errors[] and missing[] name each part without a price valid at `at`) or currency-mismatch' })
  quote(@Body() body: CalculateQuoteRequest, @CurrentContext() context: TenantContext): Promise<QuoteView> {
    return this.queryBus.execute(new CalculateQuoteQuery(context, body));
  }
}
