import { MigrationInterface, QueryRunner } from "typeorm";

export class Invitations1795491986406 implements MigrationInterface {
    name = 'Invitations1795491986406'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "invitations" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "email" varchar(320) NOT NULL,
                "role" varchar(16) NOT NULL,
                "secret_hash" varchar(64) NOT NULL,
                "invited_by" varchar,
                "expires_at" datetime NOT NULL,
                "accepted_at" datetime,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
    }

}
