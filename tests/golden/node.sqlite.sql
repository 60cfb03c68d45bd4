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
WHERE plan_contacts.plan_id = business_plans.id AND plan_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))))))
 SELECT json_object('data', json_object('node', (SELECT json_object('id', plangraph_global_id('BusinessPlan', t1.id), 'name', t1.name, 'status', t1.status, 'wonRevenue', (WITH RECURSIVE tree3(id) AS 
(SELECT t1.id AS id UNION SELECT b4.id AS id 
FROM business_plans AS b4 JOIN tree3 ON b4.parent_id = tree3.id), 
sums7 AS 
(SELECT CASE WHEN (o6.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o6.currency AS currency, t1.currency AS plan_currency, sum(o6.amount_milli / 1000000000) AS high, sum(o6.amount_milli % 1000000000) AS low 
FROM opportunities AS o6 
WHERE o6.id IN (SELECT po5.opportunity_id 
FROM plan_opportunities AS po5 JOIN tree3 ON po5.plan_id = tree3.id) AND o6.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o6.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o6.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s8.currency != t1.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s8.high), 0), coalesce(sum(s8.low), 0), t1.currency), 'currency', t1.currency) ELSE json_object('$rollup', json_group_object(s8.currency, json_array(s8.high, s8.low)), '$currency', t1.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 1, "column": 72}]')) END AS anon_1 
FROM (SELECT sums7.currency AS currency, sums7.high AS high, sums7.low AS low 
FROM sums7 
WHERE sums7.bucket = 'won') AS s8) AS f0), 'owner', (SELECT json_object('name', t2.name) AS json_object_3 
FROM users AS t2 
WHERE t2.id = t1.owner_id)) AS json_object_2 
FROM business_plans AS t1 
WHERE t1.id = ? AND t1.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans)))) AS json_object_1
