import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CATALOG_IMPORT_KINDS, CatalogImportKind, RunCatalogImportCommand, StartCatalogImportCommand } from '@saler/catalog';
import { newId, ProblemException, SYSTEM_ACTOR, TenantContext, UnitOfWork, ValidationProblem } from '@saler/platform';

interface ImportCatalogOptions {
  tenant: string;
  kind: CatalogImportKind;
}

/** The figures of a job's result, in the order they are printed. */
const COUNTS = ['brandsCreated', 'modelsCreated', 'modelsUpdated', 'pricesCreated', 'unchanged'];

/** How many row errors the command prints (the job keeps the first 100). */
const PRINTED_ERRORS = 20;

/**
 * `saler import:catalog <file> --tenant <slug> --kind models|prices`: the same import as
 * POST /imports/catalog, run here and now instead of by the worker, printing progress per batch.
 * Exits 1 when the file cannot be imported or any row was refused (re-running it is safe: the
 * import is idempotent).
 */
@Command({ name: 'import:catalog', arguments: '<file>', description: 'Import a catalogue CSV (models or prices) into a tenant' })
export class ImportCatalogCommand extends CommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  async run([file]: string[], options: ImportCatalogOptions): Promise<void> {
    const size = fileSize(file);
    const tenantId = await this.tenantIdOf(options.tenant);
    const context: TenantContext = { tenantId, actor: SYSTEM_ACTOR, requestId: newId() };
    const { jobId } = await explained(() =>
      this.commandBus.execute(new StartCatalogImportCommand(context, { fileName: basename(file).slice(0, 255), kind: options.kind, content: createReadStream(file) }, false)),
    );
    process.stdout.write(`Importing ${options.kind} from ${file} (${size} bytes) into ${options.tenant}, job ${jobId}\n`);
    const outcome = await this.commandBus.execute(
      new RunCatalogImportCommand(context, jobId, true, (progress) => process.stdout.write(`  ${String(progress.progress).padStart(3)}%  ${progress.processed} rows, ${progress.failed} refused\n`)),
    );
    if (outcome === null) throw new Error(`Job ${jobId} was already finished`);
    const counts = COUNTS.filter((name) => name in outcome.result).map((name) => `${name} ${String(outcome.result[name])}`);
    process.stdout.write(`${outcome.status === 'completed' ? 'Done' : 'Failed'}: ${outcome.processed} rows, ${outcome.failed} refused; ${counts.join(', ')}\n`);
    for (const error of outcome.errors.slice(0, PRINTED_ERRORS)) process.stderr.write(`  line ${error.line}: ${error.message}\n`);
    if (outcome.errors.length > PRINTED_ERRORS) process.stderr.write(`  … and ${outcome.failed - PRINTED_ERRORS} more (GET /api/v1/jobs/${jobId} lists the first 100)\n`);
    if (outcome.status === 'failed') throw new Error('The import failed; the rows before the error are imported');
    if (outcome.failed > 0) throw new Error(`${outcome.failed} row${outcome.failed === 1 ? ' was' : 's were'} refused; fix them and run the import again (rows already imported are left as they are)`);
  }

  /** Tenants are identity's global table; the CLI only needs the id behind a slug. */
  private async tenantIdOf(slug: string): Promise<string> {
    const row = await this.unitOfWork.runGlobal((tx) =>
      tx.manager.createQueryBuilder().select('t.id', 'id').from('tenants', 't').where('t.slug = :slug', { slug: slug.trim().toLowerCase() }).getRawOne<{ id: string }>(),
    );
    if (row === undefined) throw new Error(`No tenant with the slug "${slug}"`);
    return row.id;
  }

  @Option({ flags: '--tenant <slug>', description: 'the tenant to import into', required: true })
  parseTenant(value: string): string {
    return value;
  }

  @Option({ flags: '--kind <kind>', description: 'models or prices', required: true })
  parseKind(value: string): CatalogImportKind {
    if (!(CATALOG_IMPORT_KINDS as readonly string[]).includes(value)) throw new Error(`--kind must be ${CATALOG_IMPORT_KINDS.join(' or ')}, not "${value}"`);
    return value as CatalogImportKind;
  }
}

function fileSize(file: string): number {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error(`${file} is not a file`);
    return stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`No such file: ${file}`);
    throw error;
  }
}

/** A refused upload (a bad header, an empty file) as one line naming what is wrong. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationProblem) throw new Error(error.fieldErrors.map((field) => field.message).join('; '));
    if (error instanceof ProblemException) throw new Error(error.message);
    throw error;
  }
}
