import { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyKeys1795500000000 implements MigrationInterface {
    name = 'IdempotencyKeys1795500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "actor_key" varchar(64) NOT NULL,
                "key" varchar(255) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "status" varchar(16) NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" datetime NOT NULL,
                "expires_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "idempotency_keys_actor_key_uq" ON "idempotency_keys" ("tenant_id", "actor_key", "key")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "idempotency_keys_actor_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "idempotency_keys_expires_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    }

}
