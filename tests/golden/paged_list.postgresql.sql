SELECT CAST(json_build_object('data', json_build_object('businessPlans', (SELECT json_build_object('totalCount', (SELECT count(*) AS count_1 
FROM business_plans AS c1 
WHERE c1.status IN ('DRAFT', 'SUBMITTED') AND c1.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = plan_contacts.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))))), 'pageInfo', json_build_object('hasNextPage', (EXISTS (SELECT c1.id 
FROM business_plans AS c1 
WHERE c1.status IN ('DRAFT', 'SUBMITTED') AND c1.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = plan_contacts.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))))) AND c1.id > $2::INTEGER ORDER BY c1.id ASC 
 LIMIT $3::INTEGER OFFSET $4::INTEGER)), 'endCursor', encode(convert_to('cursor:' || CAST(max(w2.id) AS TEXT), 'UTF8'), 'base64')), 'edges', coalesce(json_agg(json_build_object('cursor', encode(convert_to('cursor:' || CAST(w2.id AS TEXT), 'UTF8'), 'base64'), 'node', json_build_object('name', w2.name, 'period', (SELECT json_build_object('name', t3.name) AS anon_3 
FROM periods AS t3 
WHERE t3.id = w2.period_id)))), CAST('[]' AS JSON))) AS anon_2 
FROM (SELECT c1.id AS id, c1.name AS name, c1.type AS type, c1.period_id AS period_id, c1.owner_id AS owner_id, c1.status AS status, c1.description AS description, c1.currency AS currency, c1.revenue_target_milli AS revenue_target_milli, c1.parent_id AS parent_id, c1.version AS version, c1.copied_from_id AS copied_from_id, c1.created_at AS created_at, c1.updated_at AS updated_at 
FROM business_plans AS c1 
WHERE c1.status IN ('DRAFT', 'SUBMITTED') AND c1.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = plan_contacts.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))))) AND c1.id > $2::INTEGER ORDER BY c1.id ASC 
 LIMIT $4::INTEGER) AS w2))) AS TEXT) AS anon_1
