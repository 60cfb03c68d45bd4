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
 SELECT json_object('data', json_object('node', (SELECT json_object('id', plangraph_global_id('BusinessPlan', t1.id), 'name', t1.name, 'status', t1.status, 'wonRevenue', (WITH RECURSIVE tree1000001(id) AS 
(SELECT t1.id AS id UNION SELECT b1000002.id AS id 
FROM business_plans AS b1000002 JOIN tree1000001 ON b1000002.parent_id = tree1000001.id), 
sums1000005 AS 
(SELECT CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o1000004.currency AS currency, t1.currency AS plan_currency, sum(o1000004.amount_milli / 1000000000) AS high, sum(o1000004.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000004 
WHERE o1000004.id IN (SELECT po1000003.opportunity_id 
FROM plan_opportunities AS po1000003 JOIN tree1000001 ON po1000003.plan_id = tree1000001.id) AND o1000004.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o1000004.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s1000006.currency != t1.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s1000006.high), 0), coalesce(sum(s1000006.low), 0), t1.currency), 'currency', t1.currency) ELSE json_object('$rollup', json_group_object(s1000006.currency, json_array(s1000006.high, s1000006.low)), '$currency', t1.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 1, "column": 72}]')) END AS anon_1 
FROM (SELECT sums1000005.currency AS currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 
WHERE sums1000005.bucket = 'won') AS s1000006) AS f0), 'owner', (SELECT json_object('name', t2.name) AS anon_3 
FROM users AS t2 
WHERE t2.id = t1.owner_id)) AS anon_2 
FROM business_plans AS t1 
WHERE t1.id = ? AND t1.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans)))) AS anon_1
