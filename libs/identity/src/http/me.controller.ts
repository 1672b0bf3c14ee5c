import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyMember, CurrentPrincipal, Principal, requireUser } from '@saler/platform';
import { GetMeQuery, MeResponse } from '../queries/get-me/get-me.query';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AnyMember()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.queryBus.execute(new GetMeQuery(requireUser(principal), principal.tenantId));
  }
}
