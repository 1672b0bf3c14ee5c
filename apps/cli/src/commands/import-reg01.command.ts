import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validate as isUuid } from 'uuid';
import { ChannelView, GetChannelQuery, ImportLegacyConversationCommand, parseReg01History, Reg01FormatError } from '@saler/conversations';
import { newId, ProblemException, SYSTEM_ACTOR, TenantContext, UnitOfWork } from '@saler/platform';
import { progressOver } from '../progress';

interface ImportReg01Options {
  tenant: string;
  channel: string;
}

/** What the arguments name, once each is known to exist. */
interface ImportTarget {
  files: string[];
  context: TenantContext;
  channel: ChannelView;
}

/** The exit code of an unknown tenant, channel or path (1 is a file that could not be imported). */
const BAD_ARGUMENTS = 2;

/** An argument naming nothing that exists: nothing is imported. */
class BadArgument extends Error {}

/**
 * `saler import:reg01 <dir|file.json> --tenant <slug> --channel <channelId>`: the legacy REG-01
 * chatbot's histories (one `<session id>.json` per session: `fb_<psid>`, `web_<visitorId>`,
 * `line_<userId>`, `tg_<id>`, `wa_<number>`) as past conversations of a channel, showing progress (a bar on a terminal, a line per file otherwise)
 * per file. A file that cannot be imported (bad JSON, another shape, a session of another platform)
 * is reported and the others go on; re-running is safe, turns already imported are skipped. Exits 1
 * when any file failed, 2 on an unknown tenant, channel or path.
 */
@Command({ name: 'import:reg01', arguments: '<path>', description: 'Import REG-01 chat histories (a directory of <session id>.json files, or one file) into a channel' })
export class ImportReg01Command extends CommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  async run([path]: string[], options: ImportReg01Options): Promise<void> {
    let target: ImportTarget;
    try {
      target = await this.target(path, options);
    } catch (error) {
      if (!(error instanceof BadArgument)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = BAD_ARGUMENTS;
      return;
    }
    const { files, context, channel } = target;
    process.stdout.write(`Importing ${counted(files.length, 'REG-01 file')} from ${path} into ${options.tenant}, ${channel.type} channel "${channel.name}"\n`);
    const totals = { created: 0, imported: 0, skipped: 0, failed: 0 };
    const progress = progressOver(files.length, 'files');
    for (const file of files) {
      try {
        const history = parseReg01History(readFileSync(file, 'utf8'));
        const result = await this.commandBus.execute(new ImportLegacyConversationCommand(context, { channelId: channel.id, sessionId: basename(file, '.json'), ...history }));
        const skipped = history.turns.length - result.messagesImported;
        if (result.created) totals.created++;
        totals.imported += result.messagesImported;
        totals.skipped += skipped;
        progress.done(`${basename(file)}: ${counted(result.messagesImported, 'message')} imported, ${skipped} skipped${result.created ? ', new conversation' : ''}`);
      } catch (error) {
        if (!(error instanceof Reg01FormatError || error instanceof ProblemException)) throw error;
        totals.failed++;
        progress.failed(`${basename(file)}: failed: ${error.message}`);
      }
    }
    progress.stop();
    process.stdout.write(
      `Done: ${counted(files.length, 'file')}: ${counted(totals.created, 'conversation')} created, ${counted(totals.imported, 'message')} imported, ${totals.skipped} skipped (already imported), ${totals.failed} failed\n`,
    );
    if (totals.failed > 0) throw new Error(`${counted(totals.failed, 'file')} could not be imported; fix them and run the import again (turns already imported are skipped)`);
  }

  private async target(path: string, options: ImportReg01Options): Promise<ImportTarget> {
    const files = historyFiles(path);
    const context: TenantContext = { tenantId: await this.tenantIdOf(options.tenant), actor: SYSTEM_ACTOR, requestId: newId() };
    return { files, context, channel: await this.channelOf(context, options.channel, options.tenant) };
  }

  /** Tenants are identity's global table; the CLI only needs the id behind a slug. */
  private async tenantIdOf(slug: string): Promise<string> {
    const row = await this.unitOfWork.runGlobal((tx) =>
      tx.manager.createQueryBuilder().select('t.id', 'id').from('tenants', 't').where('t.slug = :slug', { slug: slug.trim().toLowerCase() }).getRawOne<{ id: string }>(),
    );
    if (row === undefined) throw new BadArgument(`No tenant with the slug "${slug}"`);
    return row.id;
  }

  private async channelOf(context: TenantContext, channelId: string, slug: string): Promise<ChannelView> {
    const unknown = new BadArgument(`No channel ${channelId} in the tenant "${slug}"`);
    if (!isUuid(channelId)) throw unknown;
    try {
      return await this.queryBus.execute(new GetChannelQuery(context, channelId));
    } catch (error) {
      if (error instanceof ProblemException && error.slug === 'not-found') throw unknown;
      throw error;
    }
  }

  @Option({ flags: '--tenant <slug>', description: 'the tenant to import into', required: true })
  parseTenant(value: string): string {
    return value;
  }

  @Option({ flags: '--channel <channelId>', description: 'the channel the sessions were held on (its type must match the session id prefixes)', required: true })
  parseChannel(value: string): string {
    return value;
  }
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One file, or every *.json file of a directory in name order. */
function historyFiles(path: string): string[] {
  let directory: boolean;
  try {
    directory = statSync(path).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BadArgument(`No such file or directory: ${path}`);
    throw error;
  }
  if (!directory) return [path];
  const files = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(path, entry.name))
    .sort();
  if (files.length === 0) throw new BadArgument(`No .json files in ${path}`);
  return files;
}
