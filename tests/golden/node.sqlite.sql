WITH visible_business_plans AS 
(SELECT business_plans.id AS id 
FROM business_plans 
WHERE business_plans.owner_id = ? OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = plan_contacts.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))))))
 SELECT json_object('data', json_object('node', (SELECT json_object('id', plangraph_global_id('BusinessPlan', t1.id), 'name', t1.name, 'status', t1.status, 'wonRevenue', (WITH RECURSIVE tree2(id) AS 
(SELECT t1.id AS id UNION SELECT b3.id AS id 
FROM business_plans AS b3 JOIN tree2 ON b3.parent_id = tree2.id), 
sums6 AS 
(SELECT CASE WHEN (o5.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o5.currency AS currency, t1.currency AS plan_currency, sum(o5.amount_milli / 1000000000) AS high, sum(o5.amount_milli % 1000000000) AS low 
FROM opportunities AS o5 
WHERE o5.id IN (SELECT po4.opportunity_id 
FROM plan_opportunities AS po4 JOIN tree2 ON po4.plan_id = tree2.id) AND o5.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o5.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o5.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s7.currency != t1.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s7.high), 0), coalesce(sum(s7.low), 0), t1.currency), 'currency', t1.currency) ELSE json_object('$rollup', json_group_object(s7.currency, json_array(s7.high, s7.low)), '$currency', t1.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 1, "column": 72}]')) END AS anon_3 
FROM (SELECT sums6.currency AS currency, sums6.high AS high, sums6.low AS low 
FROM sums6 
WHERE sums6.bucket = 'won') AS s7) AS f0), 'owner', (SELECT json_object('name', t8.name) AS anon_4 
FROM users AS t8 
WHERE t8.id = t1.owner_id)) AS anon_2 
FROM business_plans AS t1 
WHERE t1.id = ? AND t1.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans)))) AS anon_1
