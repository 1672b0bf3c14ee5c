import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyMember, CurrentPrincipal, Principal, Public, RequestId, requireUser } from '@saler/platform';
import { LoginCommand } from '../commands/login/login.command';
import { LoginRequest } from '../commands/login/login.request';
import { LogoutCommand } from '../commands/logout/logout.command';
import { RefreshSessionCommand } from '../commands/refresh-session/refresh-session.command';
import { RefreshTokenRequest } from '../commands/refresh-session/refresh-session.request';
import { RegisterCommand } from '../commands/register/register.command';
import { RegisterRequest } from '../commands/register/register.request';
import { SessionResponse } from '../commands/session.response';
import { SwitchTenantCommand } from '../commands/switch-tenant/switch-tenant.command';
import { SwitchTenantRequest } from '../commands/switch-tenant/switch-tenant.request';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('register')
  @Public()
  @ApiCreatedResponse({ type: SessionResponse, description: 'The tenant, its owner and the first session' })
  register(@Body() body: RegisterRequest, @RequestId() requestId: string): Promise<SessionResponse> {
    return this.commandBus.execute(new RegisterCommand(requestId, body.tenantName, body.tenantSlug, body.email, body.password, body.name));
  }

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse })
  login(@Body() body: LoginRequest, @RequestId() requestId: string): Promise<SessionResponse> {
    return this.commandBus.execute(new LoginCommand(requestId, body.email, body.password, body.tenantSlug));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse, description: 'A new pair; the presented refresh token is used up' })
  refresh(@Body() body: RefreshTokenRequest, @RequestId() requestId: string): Promise<SessionResponse> {
    return this.commandBus.execute(new RefreshSessionCommand(requestId, body.refreshToken));
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The session is ended' })
  async logout(@Body() body: RefreshTokenRequest, @RequestId() requestId: string): Promise<void> {
    await this.commandBus.execute(new LogoutCommand(requestId, body.refreshToken));
  }

  @Post('switch-tenant')
  @AnyMember()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse, description: 'A session in the other tenant' })
  switchTenant(@Body() body: SwitchTenantRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId: string): Promise<SessionResponse> {
    return this.commandBus.execute(new SwitchTenantCommand(requestId, requireUser(principal), body.tenantId));
  }
}
