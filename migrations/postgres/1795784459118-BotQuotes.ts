import { MigrationInterface, QueryRunner } from "typeorm";

export class BotQuotes1795784459118 implements MigrationInterface {
    name = 'BotQuotes1795784459118'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "pending_quote" jsonb
        `);
        // Existing bots get the built-in price phrases, as a new tenant's are seeded.
        await queryRunner.query(`
            ALTER TABLE "bot_settings"
            ADD "price_keywords" jsonb NOT NULL DEFAULT '{"en":["how much","price","prices","pricing","cost","costs"],"ru":["сколько","почём","почем","цена","цену","цены","стоимость","стоимости","стоит","стоят"]}'
        `);
        await queryRunner.query(`
            ALTER TABLE "bot_settings"
            ALTER COLUMN "price_keywords" DROP DEFAULT
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "bot_settings" DROP COLUMN "price_keywords"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "pending_quote"
        `);
    }

}
