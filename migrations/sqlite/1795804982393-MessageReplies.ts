import { MigrationInterface, QueryRunner } from "typeorm";

export class MessageReplies1795804982393 implements MigrationInterface {
    name = 'MessageReplies1795804982393'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "messages_reply_to_idx" ON "messages" ("tenant_id", "reply_to_id")
            WHERE reply_to_id IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "messages_reply_to_idx"
        `);
    }

}
