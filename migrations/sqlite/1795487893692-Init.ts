import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795487893692 implements MigrationInterface {
    name = 'Init1795487893692'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "outbox" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "type" varchar(100) NOT NULL,
                "payload" jsonb NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar(64),
                "request_id" varchar(128) NOT NULL,
                "occurred_at" datetime NOT NULL,
                "published_at" datetime,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_pending_idx" ON "outbox" ("id")
            WHERE published_at IS NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "outbox_pending_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    }

}
