import { MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeys1795492301232 implements MigrationInterface {
    name = 'ApiKeys1795492301232'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "role" varchar(16) NOT NULL,
                "prefix" varchar(16) NOT NULL,
                "secret_hash" varchar(64) NOT NULL,
                "created_by" varchar,
                "expires_at" datetime,
                "last_used_at" datetime,
                "revoked_at" datetime,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    }

}
