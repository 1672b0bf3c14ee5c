import { MigrationInterface, QueryRunner } from "typeorm";
import { databaseRoles } from "@saler/platform";

/** Platform admins list tenants with member counts: counts only, across tenants, through a SECURITY DEFINER function. */
export class TenantMemberCounts1795493161242 implements MigrationInterface {
    name = 'TenantMemberCounts1795493161242'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const { app, system } = databaseRoles();
        await queryRunner.query(`
            CREATE FUNCTION saler_tenant_member_counts(p_tenant_ids uuid[])
            RETURNS TABLE (tenant_id uuid, count bigint)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                SELECT m.tenant_id, count(*) FROM memberships m WHERE m.tenant_id = ANY(p_tenant_ids) GROUP BY m.tenant_id
            $$
        `);
        await queryRunner.query(`ALTER FUNCTION saler_tenant_member_counts(uuid[]) OWNER TO "${system}"`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION saler_tenant_member_counts(uuid[]) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION saler_tenant_member_counts(uuid[]) TO "${app}"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION saler_tenant_member_counts(uuid[])`);
    }
}
