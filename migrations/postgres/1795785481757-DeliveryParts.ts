import { MigrationInterface, QueryRunner } from "typeorm";

export class DeliveryParts1795785481757 implements MigrationInterface {
    name = 'DeliveryParts1795785481757'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "messages"
            ADD "delivery_parts_sent" integer NOT NULL DEFAULT '0'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "messages" DROP COLUMN "delivery_parts_sent"
        `);
    }

}
