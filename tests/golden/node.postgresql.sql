SELECT answer4.anon_1, CASE WHEN (strpos(answer4.anon_1, '"$locations"') > 0) THEN (SELECT coalesce(json_agg(json_build_array(r5.base, r5.quote, CAST(r5.rate AS TEXT))), CAST('[]' AS JSON)) AS coalesce_1 
FROM exchange_rates AS r5) ELSE NULL END AS anon_2 
FROM (SELECT CAST(json_build_object('data', json_build_object('node', (SELECT json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(t1.id AS TEXT), 'UTF8'), 'base64'), 'name', t1.name, 'status', t1.status, 'wonRevenue', b2.f0, 'owner', (SELECT json_build_object('name', t3.name) AS anon_4 
FROM users AS t3 
WHERE t3.id = t1.owner_id)) AS anon_3 
FROM business_plans AS t1 JOIN LATERAL (WITH RECURSIVE tree1000001(id) AS 
(SELECT t1.id AS id UNION SELECT b1000002.id AS id 
FROM business_plans AS b1000002 JOIN tree1000001 ON b1000002.parent_id = tree1000001.id), 
sums1000005 AS 
(SELECT CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o1000004.currency AS currency, t1.currency AS plan_currency, sum(o1000004.amount_milli / 1000000000) AS high, sum(o1000004.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000004 
WHERE o1000004.id IN (SELECT po1000003.opportunity_id 
FROM plan_opportunities AS po1000003 JOIN tree1000001 ON po1000003.plan_id = tree1000001.id) AND o1000004.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o1000004.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s1000006.currency != t1.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST((CAST(coalesce(sum(s1000006.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s1000006.low), 0) AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> t1.currency AS INTEGER), 2)) AS TEXT), 'currency', t1.currency) ELSE json_build_object('$rollup', json_object_agg(s1000006.currency, json_build_array(s1000006.high, s1000006.low)), '$currency', t1.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 1, "column": 72}]' AS JSON)) END AS anon_1 
FROM (SELECT sums1000005.currency AS currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 
WHERE sums1000005.bucket = 'won') AS s1000006) AS f0) AS b2 ON true 
WHERE t1.id = $1::INTEGER AND t1.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $2::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $2::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $2::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = plan_contacts.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $2::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $2::INTEGER)))))))))) AS TEXT) AS anon_1
 LIMIT ALL OFFSET 0) AS answer4
