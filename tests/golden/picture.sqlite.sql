WITH visible_contacts AS 
(SELECT contacts.id AS id 
FROM contacts 
WHERE EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = contacts.id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))), 
visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))), 
visible_accounts AS 
(SELECT accounts.id AS id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT json_object('data', json_object('account', (SELECT json_object('id', plangraph_global_id('Account', t1.id), 'name', t1.name, 'contacts', (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Contact', w4.id), 'firstName', w4.first_name, 'lastName', w4.last_name, 'email', w4.email))) AS anon_3 
FROM (SELECT c2.id AS id, c2.first_name AS first_name, c2.last_name AS last_name, c2.email AS email, c2.created_at AS created_at 
FROM account_contacts AS l3 JOIN contacts AS c2 ON c2.id = l3.contact_id 
WHERE l3.account_id = t1.id AND c2.id IN (SELECT visible_contacts.id 
FROM visible_contacts) ORDER BY c2.id ASC
 LIMIT ? OFFSET ?) AS w4), 'businessPlans', (WITH chosen6 AS 
(SELECT k1000001.id AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact, k1000001.parent_id AS parent_id 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT plan_accounts.account_id AS acct, plan_accounts.plan_id AS item, 1 AS prio, NULL AS contact 
FROM plan_accounts 
WHERE plan_accounts.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, plan_contacts.plan_id AS item, 2 AS prio, plan_contacts.contact_id AS contact 
FROM account_contacts JOIN plan_contacts ON plan_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = 1 AND ranked.prio IN (1, 2)) AS anon_1 JOIN business_plans AS k1000001 ON anon_1.item = k1000001.id), 
roots10 AS 
(SELECT flagged9.id AS id, flagged9._via AS _via, flagged9._via_contact AS _via_contact, flagged9.parent_id AS parent_id 
FROM (SELECT marks8."key" AS "key", marks8.is_id AS is_id, marks8.id AS id, marks8._via AS _via, marks8._via_contact AS _via_contact, marks8.parent_id AS parent_id, max(marks8.is_id) OVER (PARTITION BY marks8."key") AS shown 
FROM (SELECT chosen6.id AS "key", 1 AS is_id, NULL AS id, NULL AS _via, NULL AS _via_contact, NULL AS parent_id 
FROM chosen6 UNION ALL SELECT chosen6.parent_id AS parent_id, 0 AS anon_4, chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id__1 
FROM chosen6) AS marks8) AS flagged9 
WHERE flagged9.is_id = 0 AND flagged9.shown = 0)
 SELECT json_object('totalCount', (SELECT count(*) AS count_1 
FROM roots10), 'edges', json_group_array(json_object('via', CASE WHEN (w12._via = 1) THEN 'ACCOUNT' WHEN (w12._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t13.id)) AS anon_6 
FROM contacts AS t13 
WHERE t13.id = w12._via_contact AND t13.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w12.id), 'name', w12.name, 'status', w12.status, 'revenueTarget', CASE WHEN (w12.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w12.revenue_target_milli, w12.currency), 'currency', w12.currency) END, 'wonRevenue', (WITH RECURSIVE tree14(id) AS 
(SELECT w12.id AS id UNION SELECT b15.id AS id 
FROM business_plans AS b15 JOIN tree14 ON b15.parent_id = tree14.id), 
sums18 AS 
(SELECT CASE WHEN (o17.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o17.currency AS currency, w12.currency AS plan_currency, sum(o17.amount_milli / 1000000000) AS high, sum(o17.amount_milli % 1000000000) AS low 
FROM opportunities AS o17 
WHERE o17.id IN (SELECT po16.opportunity_id 
FROM plan_opportunities AS po16 JOIN tree14 ON po16.plan_id = tree14.id) AND o17.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o17.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o17.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s19.currency != w12.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s19.high), 0), coalesce(sum(s19.low), 0), w12.currency), 'currency', w12.currency) ELSE json_object('$rollup', json_group_object(s19.currency, json_array(s19.high, s19.low)), '$currency', w12.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 23, "column": 11}]')) END AS anon_7 
FROM (SELECT sums18.currency AS currency, sums18.high AS high, sums18.low AS low 
FROM sums18 
WHERE sums18.bucket = 'won') AS s19) AS f0), 'pipelineRevenue', (WITH RECURSIVE tree20(id) AS 
(SELECT w12.id AS id UNION SELECT b21.id AS id 
FROM business_plans AS b21 JOIN tree20 ON b21.parent_id = tree20.id), 
sums24 AS 
(SELECT CASE WHEN (o23.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o23.currency AS currency, w12.currency AS plan_currency, sum(o23.amount_milli / 1000000000) AS high, sum(o23.amount_milli % 1000000000) AS low 
FROM opportunities AS o23 
WHERE o23.id IN (SELECT po22.opportunity_id 
FROM plan_opportunities AS po22 JOIN tree20 ON po22.plan_id = tree20.id) AND (o23.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY CASE WHEN (o23.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o23.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s25.currency != w12.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s25.high), 0), coalesce(sum(s25.low), 0), w12.currency), 'currency', w12.currency) ELSE json_object('$rollup', json_group_object(s25.currency, json_array(s25.high, s25.low)), '$currency', w12.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 24, "column": 11}]')) END AS anon_8 
FROM (SELECT sums24.currency AS currency, sums24.high AS high, sums24.low AS low 
FROM sums24 
WHERE sums24.bucket = 'open') AS s25) AS f0), 'revenueByCurrency', (WITH RECURSIVE tree26(id) AS 
(SELECT w12.id AS id UNION SELECT b27.id AS id 
FROM business_plans AS b27 JOIN tree26 ON b27.parent_id = tree26.id), 
sums30 AS 
(SELECT CASE WHEN (o29.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o29.currency AS currency, w12.currency AS plan_currency, sum(o29.amount_milli / 1000000000) AS high, sum(o29.amount_milli % 1000000000) AS low 
FROM opportunities AS o29 
WHERE o29.id IN (SELECT po28.opportunity_id 
FROM plan_opportunities AS po28 JOIN tree26 ON po28.plan_id = tree26.id) AND o29.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o29.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o29.currency)
 SELECT (SELECT json_object('won', (json_group_array(json_object('amount', plangraph_amount_of_parts(c31.high, c31.low, c31.currency), 'currency', c31.currency)) FILTER (WHERE c31.bucket = 'won')), 'pipeline', (json_group_array(json_object('amount', plangraph_amount_of_parts(c31.high, c31.low, c31.currency), 'currency', c31.currency)) FILTER (WHERE c31.bucket = 'open')), 'missingRates', (json_group_array(DISTINCT ((c31.currency || '->') || c31.plan_currency)) FILTER (WHERE c31.currency != c31.plan_currency AND NOT (EXISTS (SELECT r32.base 
FROM exchange_rates AS r32 
WHERE r32.base = c31.currency AND r32.quote = c31.plan_currency OR r32.base = c31.plan_currency AND r32.quote = c31.currency))))) AS anon_9 
FROM (SELECT sums30.bucket AS bucket, sums30.currency AS currency, sums30.plan_currency AS plan_currency, sums30.high AS high, sums30.low AS low 
FROM sums30 ORDER BY sums30.currency) AS c31) AS f0), 'subPlans', json_object('$deferred', 3, '$parent', w12.id), 'objectives', json_object('$deferred', 6, '$parent', w12.id))))) AS anon_5 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head11._via AS _via, head11._via_contact AS _via_contact 
FROM (SELECT roots10.id AS id, roots10._via AS _via, roots10._via_contact AS _via_contact, roots10.parent_id AS parent_id 
FROM roots10 ORDER BY roots10.id ASC
 LIMIT ? OFFSET ?) AS head11 JOIN business_plans AS c7 ON c7.id = head11.id ORDER BY head11.id ASC) AS w12), 'objectives', (WITH chosen56 AS 
(SELECT links1000002.id AS id, links1000002._via AS _via, links1000002._via_contact AS _via_contact 
FROM (SELECT anon_1.item AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON 1 = 1 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = 1 AND ranked.prio IN (1, 2, 3)) AS anon_1) AS links1000002)
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen56), 'edges', json_group_array(json_object('via', CASE WHEN (w59._via = 1) THEN 'ACCOUNT' WHEN (w59._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t60.id)) AS anon_11 
FROM contacts AS t60 
WHERE t60.id = w59._via_contact AND t60.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'actualForAccount', (WITH RECURSIVE objective_tree1000001(id) AS 
(SELECT w59.id AS id UNION SELECT ob1000002.id AS id 
FROM objectives AS ob1000002 JOIN objective_tree1000001 ON ob1000002.parent_id = objective_tree1000001.id), 
won1000005 AS 
(SELECT min(o1000004.currency) AS only, max(o1000004.currency) AS last, coalesce(sum(o1000004.amount_milli / 1000000000), 0) AS high, coalesce(sum(o1000004.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o1000004.currency != w59.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o1000004 JOIN objective_tree1000001 ON o1000004.objective_id = objective_tree1000001.id 
WHERE o1000004.stage = 'CLOSED_WON' AND (NOT (w59.account_id IS NULL AND w59.contact_id IS NULL) OR o1000004.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o1000004.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) AND w59.measure = 'WON_REVENUE'), 
s1000007 AS 
(SELECT o1000006.currency AS currency, sum(o1000006.amount_milli / 1000000000) AS high, sum(o1000006.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000006 JOIN objective_tree1000001 ON o1000006.objective_id = objective_tree1000001.id 
WHERE o1000006.stage = 'CLOSED_WON' AND (NOT (w59.account_id IS NULL AND w59.contact_id IS NULL) OR o1000006.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o1000006.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o1000006.currency)
 SELECT CASE WHEN i1000008.needs1 THEN json_object('$progress', 'actual', '$measure', w59.measure, '$target', CAST(w59.target_micros AS TEXT), '$revenue', CAST(w59.revenue_target_milli AS TEXT), '$currency', w59.revenue_target_currency, '$manual', CAST(w59.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s1000007.currency, json_array(s1000007.high, s1000007.low)) AS json_group_object_1 
FROM s1000007), '$locations', json('[{"line": 50, "column": 37}]')) ELSE json_quote(i1000008.done1) END AS f0 
FROM (SELECT CASE WHEN (w59.measure = 'MANUAL') THEN plangraph_decimal(w59.manual_actual_micros) WHEN (w59.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a1000003 JOIN objective_tree1000001 ON a1000003.objective_id = objective_tree1000001.id 
WHERE a1000003.status = 'COMPLETED' AND (NOT (w59.account_id IS NULL AND w59.contact_id IS NULL) OR a1000003.account_id = t1.id OR a1000003.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w59.revenue_target_currency IS NULL AND won1000005.only != won1000005.last) THEN NULL WHEN (coalesce(w59.revenue_target_currency, won1000005.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won1000005.high, won1000005.low, coalesce(w59.revenue_target_currency, won1000005.only)) END END AS done1, w59.measure = 'WON_REVENUE' AND w59.revenue_target_currency IS NOT NULL AND won1000005."foreign" > 0 AS needs1 
FROM won1000005
 LIMIT -1 OFFSET 0) AS i1000008), 'node', json_object('id', plangraph_global_id('Objective', w59.id), 'name', w59.name, 'isGlobal', json(CASE WHEN (w59.account_id IS NULL AND w59.contact_id IS NULL) THEN 'true' ELSE 'false' END), 'actual', (WITH RECURSIVE objective_tree1000001(id) AS 
(SELECT w59.id AS id UNION SELECT ob1000002.id AS id 
FROM objectives AS ob1000002 JOIN objective_tree1000001 ON ob1000002.parent_id = objective_tree1000001.id), 
won1000005 AS 
(SELECT min(o1000004.currency) AS only, max(o1000004.currency) AS last, coalesce(sum(o1000004.amount_milli / 1000000000), 0) AS high, coalesce(sum(o1000004.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o1000004.currency != w59.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o1000004 JOIN objective_tree1000001 ON o1000004.objective_id = objective_tree1000001.id 
WHERE o1000004.stage = 'CLOSED_WON' AND w59.measure = 'WON_REVENUE'), 
s1000007 AS 
(SELECT o1000006.currency AS currency, sum(o1000006.amount_milli / 1000000000) AS high, sum(o1000006.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000006 JOIN objective_tree1000001 ON o1000006.objective_id = objective_tree1000001.id 
WHERE o1000006.stage = 'CLOSED_WON' GROUP BY o1000006.currency)
 SELECT CASE WHEN i1000008.needs0 THEN json_object('$progress', 'actual', '$measure', w59.measure, '$target', CAST(w59.target_micros AS TEXT), '$revenue', CAST(w59.revenue_target_milli AS TEXT), '$currency', w59.revenue_target_currency, '$manual', CAST(w59.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s1000007.currency, json_array(s1000007.high, s1000007.low)) AS json_group_object_1 
FROM s1000007), '$locations', json('[{"line": 50, "column": 78}]')) ELSE json_quote(i1000008.done0) END AS f0 
FROM (SELECT CASE WHEN (w59.measure = 'MANUAL') THEN plangraph_decimal(w59.manual_actual_micros) WHEN (w59.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a1000003 JOIN objective_tree1000001 ON a1000003.objective_id = objective_tree1000001.id 
WHERE a1000003.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w59.revenue_target_currency IS NULL AND won1000005.only != won1000005.last) THEN NULL WHEN (coalesce(w59.revenue_target_currency, won1000005.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won1000005.high, won1000005.low, coalesce(w59.revenue_target_currency, won1000005.only)) END END AS done0, w59.measure = 'WON_REVENUE' AND w59.revenue_target_currency IS NOT NULL AND won1000005."foreign" > 0 AS needs0 
FROM won1000005
 LIMIT -1 OFFSET 0) AS i1000008))))) AS anon_10 
FROM (SELECT c57.id AS id, c57.name AS name, c57.status AS status, c57.period_id AS period_id, c57.plan_id AS plan_id, c57.parent_id AS parent_id, c57.account_id AS account_id, c57.contact_id AS contact_id, c57.target_micros AS target_micros, c57.unit AS unit, c57.revenue_target_milli AS revenue_target_milli, c57.revenue_target_currency AS revenue_target_currency, c57.measure AS measure, c57.manual_actual_micros AS manual_actual_micros, c57.created_at AS created_at, head58._via AS _via, head58._via_contact AS _via_contact 
FROM (SELECT chosen56.id AS id, chosen56._via AS _via, chosen56._via_contact AS _via_contact 
FROM chosen56 ORDER BY chosen56.id ASC
 LIMIT ? OFFSET ?) AS head58 JOIN objectives AS c57 ON c57.id = head58.id ORDER BY head58.id ASC) AS w59), 'opportunities', (WITH chosen63 AS 
(SELECT links62.id AS id, links62._via AS _via, links62._via_contact AS _via_contact 
FROM (SELECT anon_12.item AS id, anon_12.prio AS _via, anon_12.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_12) AS links62 
WHERE links62.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen63), 'edges', json_group_array(json_object('via', CASE WHEN (w66._via = 1) THEN 'ACCOUNT' WHEN (w66._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w66.id), 'name', w66.name, 'stage', w66.stage)))) AS anon_13 
FROM (SELECT c64.id AS id, c64.name AS name, c64.account_id AS account_id, c64.stage AS stage, c64.amount_milli AS amount_milli, c64.currency AS currency, c64.close_on AS close_on, c64.owner_id AS owner_id, c64.objective_id AS objective_id, c64.created_at AS created_at, head65._via AS _via, head65._via_contact AS _via_contact 
FROM (SELECT chosen63.id AS id, chosen63._via AS _via, chosen63._via_contact AS _via_contact 
FROM chosen63 ORDER BY chosen63.id ASC
 LIMIT ? OFFSET ?) AS head65 JOIN opportunities AS c64 ON head65.id = c64.id ORDER BY head65.id ASC) AS w66), 'activities', (WITH chosen68 AS 
(SELECT links1000002.id AS id, links1000002._via AS _via, links1000002._via_contact AS _via_contact 
FROM (SELECT anon_1.item AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = 1 AND ranked.prio IN (1, 2)) AS anon_1) AS links1000002)
 SELECT json_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen68), 'edges', json_group_array(json_object('via', CASE WHEN (w71._via = 1) THEN 'ACCOUNT' WHEN (w71._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w71.id), 'subject', w71.subject, 'status', w71.status)))) AS anon_14 
FROM (SELECT c69.id AS id, c69.type AS type, c69.subject AS subject, c69.status AS status, c69.due_at AS due_at, c69.owner_id AS owner_id, c69.account_id AS account_id, c69.contact_id AS contact_id, c69.plan_id AS plan_id, c69.objective_id AS objective_id, c69.opportunity_id AS opportunity_id, c69.follow_up_of_id AS follow_up_of_id, c69.created_at AS created_at, head70._via AS _via, head70._via_contact AS _via_contact 
FROM (SELECT chosen68.id AS id, chosen68._via AS _via, chosen68._via_contact AS _via_contact 
FROM chosen68 ORDER BY chosen68.id ASC
 LIMIT ? OFFSET ?) AS head70 JOIN activities AS c69 ON c69.id = head70.id ORDER BY head70.id ASC) AS w71)) AS anon_2 
FROM accounts AS t1 
WHERE t1.id = ? AND t1.id IN (SELECT visible_accounts.id 
FROM visible_accounts)))) AS anon_1

-- deferred list 0
WITH visible_objectives AS 
(SELECT objectives.id AS id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = objectives.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))))
 SELECT p36.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w38.id), 'name', w38.name, 'target', plangraph_decimal(w38.target_micros), 'unit', w38.unit, 'measure', w38.measure, 'actual', (WITH RECURSIVE objective_tree1000001(id) AS 
(SELECT w38.id AS id UNION SELECT ob1000002.id AS id 
FROM objectives AS ob1000002 JOIN objective_tree1000001 ON ob1000002.parent_id = objective_tree1000001.id), 
won1000005 AS 
(SELECT min(o1000004.currency) AS only, max(o1000004.currency) AS last, coalesce(sum(o1000004.amount_milli / 1000000000), 0) AS high, coalesce(sum(o1000004.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o1000004.currency != w38.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o1000004 JOIN objective_tree1000001 ON o1000004.objective_id = objective_tree1000001.id 
WHERE o1000004.stage = 'CLOSED_WON' AND w38.measure = 'WON_REVENUE'), 
s1000007 AS 
(SELECT o1000006.currency AS currency, sum(o1000006.amount_milli / 1000000000) AS high, sum(o1000006.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000006 JOIN objective_tree1000001 ON o1000006.objective_id = objective_tree1000001.id 
WHERE o1000006.stage = 'CLOSED_WON' GROUP BY o1000006.currency)
 SELECT CASE WHEN i1000008.needs0 THEN json_object('$progress', 'actual', '$measure', w38.measure, '$target', CAST(w38.target_micros AS TEXT), '$revenue', CAST(w38.revenue_target_milli AS TEXT), '$currency', w38.revenue_target_currency, '$manual', CAST(w38.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s1000007.currency, json_array(s1000007.high, s1000007.low)) AS json_group_object_1 
FROM s1000007), '$locations', json('[{"line": 29, "column": 75}]')) ELSE json_quote(i1000008.done0) END AS f0 
FROM (SELECT CASE WHEN (w38.measure = 'MANUAL') THEN plangraph_decimal(w38.manual_actual_micros) WHEN (w38.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a1000003 JOIN objective_tree1000001 ON a1000003.objective_id = objective_tree1000001.id 
WHERE a1000003.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w38.revenue_target_currency IS NULL AND won1000005.only != won1000005.last) THEN NULL WHEN (coalesce(w38.revenue_target_currency, won1000005.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won1000005.high, won1000005.low, coalesce(w38.revenue_target_currency, won1000005.only)) END END AS done0, w38.measure = 'WON_REVENUE' AND w38.revenue_target_currency IS NOT NULL AND won1000005."foreign" > 0 AS needs0 
FROM won1000005
 LIMIT -1 OFFSET 0) AS i1000008), 'progress', (WITH RECURSIVE objective_tree1000001(id) AS 
(SELECT w38.id AS id UNION SELECT ob1000002.id AS id 
FROM objectives AS ob1000002 JOIN objective_tree1000001 ON ob1000002.parent_id = objective_tree1000001.id), 
won1000005 AS 
(SELECT min(o1000004.currency) AS only, max(o1000004.currency) AS last, coalesce(sum(o1000004.amount_milli / 1000000000), 0) AS high, coalesce(sum(o1000004.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o1000004.currency != w38.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o1000004 JOIN objective_tree1000001 ON o1000004.objective_id = objective_tree1000001.id 
WHERE o1000004.stage = 'CLOSED_WON' AND w38.measure = 'WON_REVENUE'), 
s1000007 AS 
(SELECT o1000006.currency AS currency, sum(o1000006.amount_milli / 1000000000) AS high, sum(o1000006.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000006 JOIN objective_tree1000001 ON o1000006.objective_id = objective_tree1000001.id 
WHERE o1000006.stage = 'CLOSED_WON' GROUP BY o1000006.currency)
 SELECT CASE WHEN i1000008.needs0 THEN json_object('$progress', 'progress', '$measure', w38.measure, '$target', CAST(w38.target_micros AS TEXT), '$revenue', CAST(w38.revenue_target_milli AS TEXT), '$currency', w38.revenue_target_currency, '$manual', CAST(w38.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s1000007.currency, json_array(s1000007.high, s1000007.low)) AS json_group_object_1 
FROM s1000007), '$locations', json('[{"line": 29, "column": 82}]')) ELSE json(plangraph_ratio(i1000008.done0, i1000008.goal)) END AS f0 
FROM (SELECT CASE WHEN (w38.measure = 'MANUAL') THEN plangraph_decimal(w38.manual_actual_micros) WHEN (w38.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a1000003 JOIN objective_tree1000001 ON a1000003.objective_id = objective_tree1000001.id 
WHERE a1000003.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w38.revenue_target_currency IS NULL AND won1000005.only != won1000005.last) THEN NULL WHEN (coalesce(w38.revenue_target_currency, won1000005.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won1000005.high, won1000005.low, coalesce(w38.revenue_target_currency, won1000005.only)) END END AS done0, w38.measure = 'WON_REVENUE' AND w38.revenue_target_currency IS NOT NULL AND won1000005."foreign" > 0 AS needs0, CASE WHEN (w38.measure = 'WON_REVENUE' AND w38.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w38.revenue_target_milli, w38.revenue_target_currency) ELSE plangraph_decimal(w38.target_micros) END AS goal 
FROM won1000005
 LIMIT -1 OFFSET 0) AS i1000008)))) AS anon_2 
FROM (SELECT c37.id AS id, c37.name AS name, c37.status AS status, c37.period_id AS period_id, c37.plan_id AS plan_id, c37.parent_id AS parent_id, c37.account_id AS account_id, c37.contact_id AS contact_id, c37.target_micros AS target_micros, c37.unit AS unit, c37.revenue_target_milli AS revenue_target_milli, c37.revenue_target_currency AS revenue_target_currency, c37.measure AS measure, c37.manual_actual_micros AS manual_actual_micros, c37.created_at AS created_at 
FROM objectives AS c37 
WHERE c37.plan_id = p36.id AND c37.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c37.id ASC
 LIMIT ? OFFSET ?) AS w38) AS anon_1 
FROM business_plans AS p36 
WHERE p36.id IN (__[POSTCOMPILE_parents])

-- deferred list 1
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p39.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w42.id), 'name', w42.name, 'stage', w42.stage, 'amount', CASE WHEN (w42.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w42.amount_milli, w42.currency), 'currency', w42.currency) END))) AS anon_2 
FROM (SELECT c40.id AS id, c40.name AS name, c40.account_id AS account_id, c40.stage AS stage, c40.amount_milli AS amount_milli, c40.currency AS currency, c40.close_on AS close_on, c40.owner_id AS owner_id, c40.objective_id AS objective_id, c40.created_at AS created_at 
FROM plan_opportunities AS l41 JOIN opportunities AS c40 ON c40.id = l41.opportunity_id 
WHERE l41.plan_id = p39.id AND c40.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c40.id ASC
 LIMIT ? OFFSET ?) AS w42) AS anon_1 
FROM business_plans AS p39 
WHERE p39.id IN (__[POSTCOMPILE_parents])

-- deferred list 2
WITH visible_activities AS 
(SELECT activities.id AS id 
FROM activities 
WHERE activities.owner_id = ? OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = activities.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))))
 SELECT p43.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w45.id), 'subject', w45.subject, 'status', w45.status))) AS anon_2 
FROM (SELECT c44.id AS id, c44.type AS type, c44.subject AS subject, c44.status AS status, c44.due_at AS due_at, c44.owner_id AS owner_id, c44.account_id AS account_id, c44.contact_id AS contact_id, c44.plan_id AS plan_id, c44.objective_id AS objective_id, c44.opportunity_id AS opportunity_id, c44.follow_up_of_id AS follow_up_of_id, c44.created_at AS created_at 
FROM activities AS c44 
WHERE c44.plan_id = p43.id AND c44.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c44.id ASC
 LIMIT ? OFFSET ?) AS w45) AS anon_1 
FROM business_plans AS p43 
WHERE p43.id IN (__[POSTCOMPILE_parents])

-- deferred list 3
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
 SELECT p33.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('BusinessPlan', w35.id), 'name', w35.name, 'status', w35.status, 'objectives', json_object('$deferred', 0, '$parent', w35.id), 'opportunities', json_object('$deferred', 1, '$parent', w35.id), 'activities', json_object('$deferred', 2, '$parent', w35.id)))) AS anon_2 
FROM (SELECT c34.id AS id, c34.name AS name, c34.type AS type, c34.period_id AS period_id, c34.owner_id AS owner_id, c34.status AS status, c34.description AS description, c34.currency AS currency, c34.revenue_target_milli AS revenue_target_milli, c34.parent_id AS parent_id, c34.version AS version, c34.copied_from_id AS copied_from_id, c34.created_at AS created_at, c34.updated_at AS updated_at 
FROM business_plans AS c34 
WHERE c34.parent_id = p33.id AND c34.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans) ORDER BY c34.id ASC
 LIMIT ? OFFSET ?) AS w35) AS anon_1 
FROM business_plans AS p33 
WHERE p33.id IN (__[POSTCOMPILE_parents])

-- deferred list 4
WITH visible_activities AS 
(SELECT activities.id AS id 
FROM activities 
WHERE activities.owner_id = ? OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = activities.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))))
 SELECT p52.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w54.id), 'subject', w54.subject, 'status', w54.status, 'type', w54.type))) AS anon_2 
FROM (SELECT c53.id AS id, c53.type AS type, c53.subject AS subject, c53.status AS status, c53.due_at AS due_at, c53.owner_id AS owner_id, c53.account_id AS account_id, c53.contact_id AS contact_id, c53.plan_id AS plan_id, c53.objective_id AS objective_id, c53.opportunity_id AS opportunity_id, c53.follow_up_of_id AS follow_up_of_id, c53.created_at AS created_at 
FROM activities AS c53 
WHERE c53.opportunity_id = p52.id AND c53.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c53.id ASC
 LIMIT ? OFFSET ?) AS w54) AS anon_1 
FROM opportunities AS p52 
WHERE p52.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p49.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w51.id), 'name', w51.name, 'stage', w51.stage, 'amount', CASE WHEN (w51.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w51.amount_milli, w51.currency), 'currency', w51.currency) END, 'activities', json_object('$deferred', 4, '$parent', w51.id)))) AS anon_2 
FROM (SELECT c50.id AS id, c50.name AS name, c50.account_id AS account_id, c50.stage AS stage, c50.amount_milli AS amount_milli, c50.currency AS currency, c50.close_on AS close_on, c50.owner_id AS owner_id, c50.objective_id AS objective_id, c50.created_at AS created_at 
FROM opportunities AS c50 
WHERE c50.objective_id = p49.id AND c50.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c50.id ASC
 LIMIT ? OFFSET ?) AS w51) AS anon_1 
FROM objectives AS p49 
WHERE p49.id IN (__[POSTCOMPILE_parents])

-- deferred list 6
WITH visible_objectives AS 
(SELECT objectives.id AS id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = objectives.contact_id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))))
 SELECT p46.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w48.id), 'name', w48.name, 'target', plangraph_decimal(w48.target_micros), 'unit', w48.unit, 'measure', w48.measure, 'actual', (WITH RECURSIVE objective_tree1000001(id) AS 
(SELECT w48.id AS id UNION SELECT ob1000002.id AS id 
FROM objectives AS ob1000002 JOIN objective_tree1000001 ON ob1000002.parent_id = objective_tree1000001.id), 
won1000005 AS 
(SELECT min(o1000004.currency) AS only, max(o1000004.currency) AS last, coalesce(sum(o1000004.amount_milli / 1000000000), 0) AS high, coalesce(sum(o1000004.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o1000004.currency != w48.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o1000004 JOIN objective_tree1000001 ON o1000004.objective_id = objective_tree1000001.id 
WHERE o1000004.stage = 'CLOSED_WON' AND w48.measure = 'WON_REVENUE'), 
s1000007 AS 
(SELECT o1000006.currency AS currency, sum(o1000006.amount_milli / 1000000000) AS high, sum(o1000006.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000006 JOIN objective_tree1000001 ON o1000006.objective_id = objective_tree1000001.id 
WHERE o1000006.stage = 'CLOSED_WON' GROUP BY o1000006.currency)
 SELECT CASE WHEN i1000008.needs0 THEN json_object('$progress', 'actual', '$measure', w48.measure, '$target', CAST(w48.target_micros AS TEXT), '$revenue', CAST(w48.revenue_target_milli AS TEXT), '$currency', w48.revenue_target_currency, '$manual', CAST(w48.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s1000007.currency, json_array(s1000007.high, s1000007.low)) AS json_group_object_1 
FROM s1000007), '$locations', json('[{"line": 36, "column": 43}]')) ELSE json_quote(i1000008.done0) END AS f0 
FROM (SELECT CASE WHEN (w48.measure = 'MANUAL') THEN plangraph_decimal(w48.manual_actual_micros) WHEN (w48.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a1000003 JOIN objective_tree1000001 ON a1000003.objective_id = objective_tree1000001.id 
WHERE a1000003.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w48.revenue_target_currency IS NULL AND won1000005.only != won1000005.last) THEN NULL WHEN (coalesce(w48.revenue_target_currency, won1000005.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won1000005.high, won1000005.low, coalesce(w48.revenue_target_currency, won1000005.only)) END END AS done0, w48.measure = 'WON_REVENUE' AND w48.revenue_target_currency IS NOT NULL AND won1000005."foreign" > 0 AS needs0 
FROM won1000005
 LIMIT -1 OFFSET 0) AS i1000008), 'progress', (WITH RECURSIVE objective_tree1000001(id) AS 
(SELECT w48.id AS id UNION SELECT ob1000002.id AS id 
FROM objectives AS ob1000002 JOIN objective_tree1000001 ON ob1000002.parent_id = objective_tree1000001.id), 
won1000005 AS 
(SELECT min(o1000004.currency) AS only, max(o1000004.currency) AS last, coalesce(sum(o1000004.amount_milli / 1000000000), 0) AS high, coalesce(sum(o1000004.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o1000004.currency != w48.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o1000004 JOIN objective_tree1000001 ON o1000004.objective_id = objective_tree1000001.id 
WHERE o1000004.stage = 'CLOSED_WON' AND w48.measure = 'WON_REVENUE'), 
s1000007 AS 
(SELECT o1000006.currency AS currency, sum(o1000006.amount_milli / 1000000000) AS high, sum(o1000006.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000006 JOIN objective_tree1000001 ON o1000006.objective_id = objective_tree1000001.id 
WHERE o1000006.stage = 'CLOSED_WON' GROUP BY o1000006.currency)
 SELECT CASE WHEN i1000008.needs0 THEN json_object('$progress', 'progress', '$measure', w48.measure, '$target', CAST(w48.target_micros AS TEXT), '$revenue', CAST(w48.revenue_target_milli AS TEXT), '$currency', w48.revenue_target_currency, '$manual', CAST(w48.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s1000007.currency, json_array(s1000007.high, s1000007.low)) AS json_group_object_1 
FROM s1000007), '$locations', json('[{"line": 36, "column": 50}]')) ELSE json(plangraph_ratio(i1000008.done0, i1000008.goal)) END AS f0 
FROM (SELECT CASE WHEN (w48.measure = 'MANUAL') THEN plangraph_decimal(w48.manual_actual_micros) WHEN (w48.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a1000003 JOIN objective_tree1000001 ON a1000003.objective_id = objective_tree1000001.id 
WHERE a1000003.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w48.revenue_target_currency IS NULL AND won1000005.only != won1000005.last) THEN NULL WHEN (coalesce(w48.revenue_target_currency, won1000005.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won1000005.high, won1000005.low, coalesce(w48.revenue_target_currency, won1000005.only)) END END AS done0, w48.measure = 'WON_REVENUE' AND w48.revenue_target_currency IS NOT NULL AND won1000005."foreign" > 0 AS needs0, CASE WHEN (w48.measure = 'WON_REVENUE' AND w48.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w48.revenue_target_milli, w48.revenue_target_currency) ELSE plangraph_decimal(w48.target_micros) END AS goal 
FROM won1000005
 LIMIT -1 OFFSET 0) AS i1000008), 'opportunities', json_object('$deferred', 5, '$parent', w48.id)))) AS anon_2 
FROM (SELECT c47.id AS id, c47.name AS name, c47.status AS status, c47.period_id AS period_id, c47.plan_id AS plan_id, c47.parent_id AS parent_id, c47.account_id AS account_id, c47.contact_id AS contact_id, c47.target_micros AS target_micros, c47.unit AS unit, c47.revenue_target_milli AS revenue_target_milli, c47.revenue_target_currency AS revenue_target_currency, c47.measure AS measure, c47.manual_actual_micros AS manual_actual_micros, c47.created_at AS created_at 
FROM objectives AS c47 
WHERE c47.plan_id = p46.id AND c47.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c47.id ASC
 LIMIT ? OFFSET ?) AS w48) AS anon_1 
FROM business_plans AS p46 
WHERE p46.id IN (__[POSTCOMPILE_parents])
