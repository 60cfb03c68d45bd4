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
(SELECT k5.id AS id, anon_4.prio AS _via, anon_4.contact AS _via_contact, k5.parent_id AS parent_id 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT plan_accounts.account_id AS acct, plan_accounts.plan_id AS item, 1 AS prio, NULL AS contact 
FROM plan_accounts 
WHERE plan_accounts.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, plan_contacts.plan_id AS item, 2 AS prio, plan_contacts.contact_id AS contact 
FROM account_contacts JOIN plan_contacts ON plan_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_4 JOIN business_plans AS k5 ON anon_4.item = k5.id), 
roots10 AS 
(SELECT flagged9.id AS id, flagged9._via AS _via, flagged9._via_contact AS _via_contact, flagged9.parent_id AS parent_id 
FROM (SELECT marks8."key" AS "key", marks8.is_id AS is_id, marks8.id AS id, marks8._via AS _via, marks8._via_contact AS _via_contact, marks8.parent_id AS parent_id, max(marks8.is_id) OVER (PARTITION BY marks8."key") AS shown 
FROM (SELECT chosen6.id AS "key", 1 AS is_id, NULL AS id, NULL AS _via, NULL AS _via_contact, NULL AS parent_id 
FROM chosen6 UNION ALL SELECT chosen6.parent_id AS parent_id, 0 AS anon_5, chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id__1 
FROM chosen6) AS marks8) AS flagged9 
WHERE flagged9.is_id = 0 AND flagged9.shown = 0)
 SELECT json_object('totalCount', (SELECT count(*) AS count_1 
FROM roots10), 'edges', json_group_array(json_object('via', CASE WHEN (w12._via = 1) THEN 'ACCOUNT' WHEN (w12._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t13.id)) AS anon_7 
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
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s19.currency != w12.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s19.high), 0), coalesce(sum(s19.low), 0), w12.currency), 'currency', w12.currency) ELSE json_object('$rollup', json_group_object(s19.currency, json_array(s19.high, s19.low)), '$currency', w12.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 23, "column": 11}]')) END AS anon_8 
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
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s25.currency != w12.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s25.high), 0), coalesce(sum(s25.low), 0), w12.currency), 'currency', w12.currency) ELSE json_object('$rollup', json_group_object(s25.currency, json_array(s25.high, s25.low)), '$currency', w12.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 24, "column": 11}]')) END AS anon_9 
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
WHERE r32.base = c31.currency AND r32.quote = c31.plan_currency OR r32.base = c31.plan_currency AND r32.quote = c31.currency))))) AS anon_10 
FROM (SELECT sums30.bucket AS bucket, sums30.currency AS currency, sums30.plan_currency AS plan_currency, sums30.high AS high, sums30.low AS low 
FROM sums30 ORDER BY sums30.currency) AS c31) AS f0), 'subPlans', json_object('$deferred', 3, '$parent', w12.id), 'objectives', json_object('$deferred', 6, '$parent', w12.id))))) AS anon_6 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head11._via AS _via, head11._via_contact AS _via_contact 
FROM (SELECT roots10.id AS id, roots10._via AS _via, roots10._via_contact AS _via_contact, roots10.parent_id AS parent_id 
FROM roots10 ORDER BY roots10.id ASC
 LIMIT ? OFFSET ?) AS head11 JOIN business_plans AS c7 ON c7.id = head11.id ORDER BY head11.id ASC) AS w12), 'objectives', (WITH chosen89 AS 
(SELECT links88.id AS id, links88._via AS _via, links88._via_contact AS _via_contact 
FROM (SELECT anon_11.item AS id, anon_11.prio AS _via, anon_11.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON 1 = 1 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2, 3)) AS anon_11) AS links88)
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen89), 'edges', json_group_array(json_object('via', CASE WHEN (w92._via = 1) THEN 'ACCOUNT' WHEN (w92._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t93.id)) AS anon_13 
FROM contacts AS t93 
WHERE t93.id = w92._via_contact AND t93.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'actualForAccount', (WITH RECURSIVE objective_tree94(id) AS 
(SELECT w92.id AS id UNION SELECT ob95.id AS id 
FROM objectives AS ob95 JOIN objective_tree94 ON ob95.parent_id = objective_tree94.id), 
won98 AS 
(SELECT min(o97.currency) AS only, max(o97.currency) AS last, coalesce(sum(o97.amount_milli / 1000000000), 0) AS high, coalesce(sum(o97.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o97.currency != w92.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o97 JOIN objective_tree94 ON o97.objective_id = objective_tree94.id 
WHERE o97.stage = 'CLOSED_WON' AND (NOT (w92.account_id IS NULL AND w92.contact_id IS NULL) OR o97.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o97.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) AND w92.measure = 'WON_REVENUE'), 
s100 AS 
(SELECT o99.currency AS currency, sum(o99.amount_milli / 1000000000) AS high, sum(o99.amount_milli % 1000000000) AS low 
FROM opportunities AS o99 JOIN objective_tree94 ON o99.objective_id = objective_tree94.id 
WHERE o99.stage = 'CLOSED_WON' AND (NOT (w92.account_id IS NULL AND w92.contact_id IS NULL) OR o99.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o99.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o99.currency)
 SELECT CASE WHEN i101.needs1 THEN json_object('$progress', 'actual', '$measure', w92.measure, '$target', CAST(w92.target_micros AS TEXT), '$revenue', CAST(w92.revenue_target_milli AS TEXT), '$currency', w92.revenue_target_currency, '$manual', CAST(w92.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s100.currency, json_array(s100.high, s100.low)) AS json_group_object_1 
FROM s100), '$locations', json('[{"line": 50, "column": 37}]')) ELSE json_quote(i101.done1) END AS f0 
FROM (SELECT CASE WHEN (w92.measure = 'MANUAL') THEN plangraph_decimal(w92.manual_actual_micros) WHEN (w92.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_3 
FROM activities AS a96 JOIN objective_tree94 ON a96.objective_id = objective_tree94.id 
WHERE a96.status = 'COMPLETED' AND (NOT (w92.account_id IS NULL AND w92.contact_id IS NULL) OR a96.account_id = t1.id OR a96.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w92.revenue_target_currency IS NULL AND won98.only != won98.last) THEN NULL WHEN (coalesce(w92.revenue_target_currency, won98.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won98.high, won98.low, coalesce(w92.revenue_target_currency, won98.only)) END END AS done1, w92.measure = 'WON_REVENUE' AND w92.revenue_target_currency IS NOT NULL AND won98."foreign" > 0 AS needs1 
FROM won98
 LIMIT ? OFFSET 0) AS i101), 'node', json_object('id', plangraph_global_id('Objective', w92.id), 'name', w92.name, 'isGlobal', json(CASE WHEN (w92.account_id IS NULL AND w92.contact_id IS NULL) THEN 'true' ELSE 'false' END), 'actual', (WITH RECURSIVE objective_tree102(id) AS 
(SELECT w92.id AS id UNION SELECT ob103.id AS id 
FROM objectives AS ob103 JOIN objective_tree102 ON ob103.parent_id = objective_tree102.id), 
won106 AS 
(SELECT min(o105.currency) AS only, max(o105.currency) AS last, coalesce(sum(o105.amount_milli / 1000000000), 0) AS high, coalesce(sum(o105.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o105.currency != w92.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o105 JOIN objective_tree102 ON o105.objective_id = objective_tree102.id 
WHERE o105.stage = 'CLOSED_WON' AND w92.measure = 'WON_REVENUE'), 
s108 AS 
(SELECT o107.currency AS currency, sum(o107.amount_milli / 1000000000) AS high, sum(o107.amount_milli % 1000000000) AS low 
FROM opportunities AS o107 JOIN objective_tree102 ON o107.objective_id = objective_tree102.id 
WHERE o107.stage = 'CLOSED_WON' GROUP BY o107.currency)
 SELECT CASE WHEN i109.needs0 THEN json_object('$progress', 'actual', '$measure', w92.measure, '$target', CAST(w92.target_micros AS TEXT), '$revenue', CAST(w92.revenue_target_milli AS TEXT), '$currency', w92.revenue_target_currency, '$manual', CAST(w92.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s108.currency, json_array(s108.high, s108.low)) AS json_group_object_2 
FROM s108), '$locations', json('[{"line": 50, "column": 78}]')) ELSE json_quote(i109.done0) END AS f0 
FROM (SELECT CASE WHEN (w92.measure = 'MANUAL') THEN plangraph_decimal(w92.manual_actual_micros) WHEN (w92.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_4 
FROM activities AS a104 JOIN objective_tree102 ON a104.objective_id = objective_tree102.id 
WHERE a104.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w92.revenue_target_currency IS NULL AND won106.only != won106.last) THEN NULL WHEN (coalesce(w92.revenue_target_currency, won106.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won106.high, won106.low, coalesce(w92.revenue_target_currency, won106.only)) END END AS done0, w92.measure = 'WON_REVENUE' AND w92.revenue_target_currency IS NOT NULL AND won106."foreign" > 0 AS needs0 
FROM won106
 LIMIT ? OFFSET 0) AS i109))))) AS anon_12 
FROM (SELECT c90.id AS id, c90.name AS name, c90.status AS status, c90.period_id AS period_id, c90.plan_id AS plan_id, c90.parent_id AS parent_id, c90.account_id AS account_id, c90.contact_id AS contact_id, c90.target_micros AS target_micros, c90.unit AS unit, c90.revenue_target_milli AS revenue_target_milli, c90.revenue_target_currency AS revenue_target_currency, c90.measure AS measure, c90.manual_actual_micros AS manual_actual_micros, c90.created_at AS created_at, head91._via AS _via, head91._via_contact AS _via_contact 
FROM (SELECT chosen89.id AS id, chosen89._via AS _via, chosen89._via_contact AS _via_contact 
FROM chosen89 ORDER BY chosen89.id ASC
 LIMIT ? OFFSET ?) AS head91 JOIN objectives AS c90 ON head91.id = c90.id ORDER BY head91.id ASC) AS w92), 'opportunities', (WITH chosen112 AS 
(SELECT links111.id AS id, links111._via AS _via, links111._via_contact AS _via_contact 
FROM (SELECT anon_14.item AS id, anon_14.prio AS _via, anon_14.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_14) AS links111 
WHERE links111.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_5 
FROM chosen112), 'edges', json_group_array(json_object('via', CASE WHEN (w115._via = 1) THEN 'ACCOUNT' WHEN (w115._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w115.id), 'name', w115.name, 'stage', w115.stage)))) AS anon_15 
FROM (SELECT c113.id AS id, c113.name AS name, c113.account_id AS account_id, c113.stage AS stage, c113.amount_milli AS amount_milli, c113.currency AS currency, c113.close_on AS close_on, c113.owner_id AS owner_id, c113.objective_id AS objective_id, c113.created_at AS created_at, head114._via AS _via, head114._via_contact AS _via_contact 
FROM (SELECT chosen112.id AS id, chosen112._via AS _via, chosen112._via_contact AS _via_contact 
FROM chosen112 ORDER BY chosen112.id ASC
 LIMIT ? OFFSET ?) AS head114 JOIN opportunities AS c113 ON head114.id = c113.id ORDER BY head114.id ASC) AS w115), 'activities', (WITH chosen118 AS 
(SELECT links117.id AS id, links117._via AS _via, links117._via_contact AS _via_contact 
FROM (SELECT anon_16.item AS id, anon_16.prio AS _via, anon_16.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_16) AS links117)
 SELECT json_object('totalCount', (SELECT count(*) AS count_6 
FROM chosen118), 'edges', json_group_array(json_object('via', CASE WHEN (w121._via = 1) THEN 'ACCOUNT' WHEN (w121._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w121.id), 'subject', w121.subject, 'status', w121.status)))) AS anon_17 
FROM (SELECT c119.id AS id, c119.type AS type, c119.subject AS subject, c119.status AS status, c119.due_at AS due_at, c119.owner_id AS owner_id, c119.account_id AS account_id, c119.contact_id AS contact_id, c119.plan_id AS plan_id, c119.objective_id AS objective_id, c119.opportunity_id AS opportunity_id, c119.follow_up_of_id AS follow_up_of_id, c119.created_at AS created_at, head120._via AS _via, head120._via_contact AS _via_contact 
FROM (SELECT chosen118.id AS id, chosen118._via AS _via, chosen118._via_contact AS _via_contact 
FROM chosen118 ORDER BY chosen118.id ASC
 LIMIT ? OFFSET ?) AS head120 JOIN activities AS c119 ON head120.id = c119.id ORDER BY head120.id ASC) AS w121)) AS anon_2 
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
 SELECT p36.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w38.id), 'name', w38.name, 'target', plangraph_decimal(w38.target_micros), 'unit', w38.unit, 'measure', w38.measure, 'actual', (WITH RECURSIVE objective_tree39(id) AS 
(SELECT w38.id AS id UNION SELECT ob40.id AS id 
FROM objectives AS ob40 JOIN objective_tree39 ON ob40.parent_id = objective_tree39.id), 
won43 AS 
(SELECT min(o42.currency) AS only, max(o42.currency) AS last, coalesce(sum(o42.amount_milli / 1000000000), 0) AS high, coalesce(sum(o42.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o42.currency != w38.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o42 JOIN objective_tree39 ON o42.objective_id = objective_tree39.id 
WHERE o42.stage = 'CLOSED_WON' AND w38.measure = 'WON_REVENUE'), 
s45 AS 
(SELECT o44.currency AS currency, sum(o44.amount_milli / 1000000000) AS high, sum(o44.amount_milli % 1000000000) AS low 
FROM opportunities AS o44 JOIN objective_tree39 ON o44.objective_id = objective_tree39.id 
WHERE o44.stage = 'CLOSED_WON' GROUP BY o44.currency)
 SELECT CASE WHEN i46.needs0 THEN json_object('$progress', 'actual', '$measure', w38.measure, '$target', CAST(w38.target_micros AS TEXT), '$revenue', CAST(w38.revenue_target_milli AS TEXT), '$currency', w38.revenue_target_currency, '$manual', CAST(w38.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s45.currency, json_array(s45.high, s45.low)) AS json_group_object_1 
FROM s45), '$locations', json('[{"line": 29, "column": 75}]')) ELSE json_quote(i46.done0) END AS f0 
FROM (SELECT CASE WHEN (w38.measure = 'MANUAL') THEN plangraph_decimal(w38.manual_actual_micros) WHEN (w38.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a41 JOIN objective_tree39 ON a41.objective_id = objective_tree39.id 
WHERE a41.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w38.revenue_target_currency IS NULL AND won43.only != won43.last) THEN NULL WHEN (coalesce(w38.revenue_target_currency, won43.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won43.high, won43.low, coalesce(w38.revenue_target_currency, won43.only)) END END AS done0, w38.measure = 'WON_REVENUE' AND w38.revenue_target_currency IS NOT NULL AND won43."foreign" > 0 AS needs0 
FROM won43
 LIMIT ? OFFSET 0) AS i46), 'progress', (WITH RECURSIVE objective_tree47(id) AS 
(SELECT w38.id AS id UNION SELECT ob48.id AS id 
FROM objectives AS ob48 JOIN objective_tree47 ON ob48.parent_id = objective_tree47.id), 
won51 AS 
(SELECT min(o50.currency) AS only, max(o50.currency) AS last, coalesce(sum(o50.amount_milli / 1000000000), 0) AS high, coalesce(sum(o50.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o50.currency != w38.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o50 JOIN objective_tree47 ON o50.objective_id = objective_tree47.id 
WHERE o50.stage = 'CLOSED_WON' AND w38.measure = 'WON_REVENUE'), 
s53 AS 
(SELECT o52.currency AS currency, sum(o52.amount_milli / 1000000000) AS high, sum(o52.amount_milli % 1000000000) AS low 
FROM opportunities AS o52 JOIN objective_tree47 ON o52.objective_id = objective_tree47.id 
WHERE o52.stage = 'CLOSED_WON' GROUP BY o52.currency)
 SELECT CASE WHEN i54.needs0 THEN json_object('$progress', 'progress', '$measure', w38.measure, '$target', CAST(w38.target_micros AS TEXT), '$revenue', CAST(w38.revenue_target_milli AS TEXT), '$currency', w38.revenue_target_currency, '$manual', CAST(w38.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s53.currency, json_array(s53.high, s53.low)) AS json_group_object_2 
FROM s53), '$locations', json('[{"line": 29, "column": 82}]')) ELSE json(plangraph_ratio(i54.done0, i54.goal)) END AS f0 
FROM (SELECT CASE WHEN (w38.measure = 'MANUAL') THEN plangraph_decimal(w38.manual_actual_micros) WHEN (w38.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a49 JOIN objective_tree47 ON a49.objective_id = objective_tree47.id 
WHERE a49.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w38.revenue_target_currency IS NULL AND won51.only != won51.last) THEN NULL WHEN (coalesce(w38.revenue_target_currency, won51.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won51.high, won51.low, coalesce(w38.revenue_target_currency, won51.only)) END END AS done0, w38.measure = 'WON_REVENUE' AND w38.revenue_target_currency IS NOT NULL AND won51."foreign" > 0 AS needs0, CASE WHEN (w38.measure = 'WON_REVENUE' AND w38.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w38.revenue_target_milli, w38.revenue_target_currency) ELSE plangraph_decimal(w38.target_micros) END AS goal 
FROM won51
 LIMIT ? OFFSET 0) AS i54)))) AS anon_2 
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
 SELECT p55.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w58.id), 'name', w58.name, 'stage', w58.stage, 'amount', CASE WHEN (w58.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w58.amount_milli, w58.currency), 'currency', w58.currency) END))) AS anon_2 
FROM (SELECT c56.id AS id, c56.name AS name, c56.account_id AS account_id, c56.stage AS stage, c56.amount_milli AS amount_milli, c56.currency AS currency, c56.close_on AS close_on, c56.owner_id AS owner_id, c56.objective_id AS objective_id, c56.created_at AS created_at 
FROM plan_opportunities AS l57 JOIN opportunities AS c56 ON c56.id = l57.opportunity_id 
WHERE l57.plan_id = p55.id AND c56.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c56.id ASC
 LIMIT ? OFFSET ?) AS w58) AS anon_1 
FROM business_plans AS p55 
WHERE p55.id IN (__[POSTCOMPILE_parents])

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
 SELECT p59.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w61.id), 'subject', w61.subject, 'status', w61.status))) AS anon_2 
FROM (SELECT c60.id AS id, c60.type AS type, c60.subject AS subject, c60.status AS status, c60.due_at AS due_at, c60.owner_id AS owner_id, c60.account_id AS account_id, c60.contact_id AS contact_id, c60.plan_id AS plan_id, c60.objective_id AS objective_id, c60.opportunity_id AS opportunity_id, c60.follow_up_of_id AS follow_up_of_id, c60.created_at AS created_at 
FROM activities AS c60 
WHERE c60.plan_id = p59.id AND c60.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c60.id ASC
 LIMIT ? OFFSET ?) AS w61) AS anon_1 
FROM business_plans AS p59 
WHERE p59.id IN (__[POSTCOMPILE_parents])

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
 SELECT p84.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w86.id), 'subject', w86.subject, 'status', w86.status, 'type', w86.type))) AS anon_2 
FROM (SELECT c85.id AS id, c85.type AS type, c85.subject AS subject, c85.status AS status, c85.due_at AS due_at, c85.owner_id AS owner_id, c85.account_id AS account_id, c85.contact_id AS contact_id, c85.plan_id AS plan_id, c85.objective_id AS objective_id, c85.opportunity_id AS opportunity_id, c85.follow_up_of_id AS follow_up_of_id, c85.created_at AS created_at 
FROM activities AS c85 
WHERE c85.opportunity_id = p84.id AND c85.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c85.id ASC
 LIMIT ? OFFSET ?) AS w86) AS anon_1 
FROM opportunities AS p84 
WHERE p84.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p81.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w83.id), 'name', w83.name, 'stage', w83.stage, 'amount', CASE WHEN (w83.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w83.amount_milli, w83.currency), 'currency', w83.currency) END, 'activities', json_object('$deferred', 4, '$parent', w83.id)))) AS anon_2 
FROM (SELECT c82.id AS id, c82.name AS name, c82.account_id AS account_id, c82.stage AS stage, c82.amount_milli AS amount_milli, c82.currency AS currency, c82.close_on AS close_on, c82.owner_id AS owner_id, c82.objective_id AS objective_id, c82.created_at AS created_at 
FROM opportunities AS c82 
WHERE c82.objective_id = p81.id AND c82.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c82.id ASC
 LIMIT ? OFFSET ?) AS w83) AS anon_1 
FROM objectives AS p81 
WHERE p81.id IN (__[POSTCOMPILE_parents])

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
 SELECT p62.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w64.id), 'name', w64.name, 'target', plangraph_decimal(w64.target_micros), 'unit', w64.unit, 'measure', w64.measure, 'actual', (WITH RECURSIVE objective_tree65(id) AS 
(SELECT w64.id AS id UNION SELECT ob66.id AS id 
FROM objectives AS ob66 JOIN objective_tree65 ON ob66.parent_id = objective_tree65.id), 
won69 AS 
(SELECT min(o68.currency) AS only, max(o68.currency) AS last, coalesce(sum(o68.amount_milli / 1000000000), 0) AS high, coalesce(sum(o68.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o68.currency != w64.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o68 JOIN objective_tree65 ON o68.objective_id = objective_tree65.id 
WHERE o68.stage = 'CLOSED_WON' AND w64.measure = 'WON_REVENUE'), 
s71 AS 
(SELECT o70.currency AS currency, sum(o70.amount_milli / 1000000000) AS high, sum(o70.amount_milli % 1000000000) AS low 
FROM opportunities AS o70 JOIN objective_tree65 ON o70.objective_id = objective_tree65.id 
WHERE o70.stage = 'CLOSED_WON' GROUP BY o70.currency)
 SELECT CASE WHEN i72.needs0 THEN json_object('$progress', 'actual', '$measure', w64.measure, '$target', CAST(w64.target_micros AS TEXT), '$revenue', CAST(w64.revenue_target_milli AS TEXT), '$currency', w64.revenue_target_currency, '$manual', CAST(w64.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s71.currency, json_array(s71.high, s71.low)) AS json_group_object_1 
FROM s71), '$locations', json('[{"line": 36, "column": 43}]')) ELSE json_quote(i72.done0) END AS f0 
FROM (SELECT CASE WHEN (w64.measure = 'MANUAL') THEN plangraph_decimal(w64.manual_actual_micros) WHEN (w64.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a67 JOIN objective_tree65 ON a67.objective_id = objective_tree65.id 
WHERE a67.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w64.revenue_target_currency IS NULL AND won69.only != won69.last) THEN NULL WHEN (coalesce(w64.revenue_target_currency, won69.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won69.high, won69.low, coalesce(w64.revenue_target_currency, won69.only)) END END AS done0, w64.measure = 'WON_REVENUE' AND w64.revenue_target_currency IS NOT NULL AND won69."foreign" > 0 AS needs0 
FROM won69
 LIMIT ? OFFSET 0) AS i72), 'progress', (WITH RECURSIVE objective_tree73(id) AS 
(SELECT w64.id AS id UNION SELECT ob74.id AS id 
FROM objectives AS ob74 JOIN objective_tree73 ON ob74.parent_id = objective_tree73.id), 
won77 AS 
(SELECT min(o76.currency) AS only, max(o76.currency) AS last, coalesce(sum(o76.amount_milli / 1000000000), 0) AS high, coalesce(sum(o76.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o76.currency != w64.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o76 JOIN objective_tree73 ON o76.objective_id = objective_tree73.id 
WHERE o76.stage = 'CLOSED_WON' AND w64.measure = 'WON_REVENUE'), 
s79 AS 
(SELECT o78.currency AS currency, sum(o78.amount_milli / 1000000000) AS high, sum(o78.amount_milli % 1000000000) AS low 
FROM opportunities AS o78 JOIN objective_tree73 ON o78.objective_id = objective_tree73.id 
WHERE o78.stage = 'CLOSED_WON' GROUP BY o78.currency)
 SELECT CASE WHEN i80.needs0 THEN json_object('$progress', 'progress', '$measure', w64.measure, '$target', CAST(w64.target_micros AS TEXT), '$revenue', CAST(w64.revenue_target_milli AS TEXT), '$currency', w64.revenue_target_currency, '$manual', CAST(w64.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s79.currency, json_array(s79.high, s79.low)) AS json_group_object_2 
FROM s79), '$locations', json('[{"line": 36, "column": 50}]')) ELSE json(plangraph_ratio(i80.done0, i80.goal)) END AS f0 
FROM (SELECT CASE WHEN (w64.measure = 'MANUAL') THEN plangraph_decimal(w64.manual_actual_micros) WHEN (w64.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a75 JOIN objective_tree73 ON a75.objective_id = objective_tree73.id 
WHERE a75.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w64.revenue_target_currency IS NULL AND won77.only != won77.last) THEN NULL WHEN (coalesce(w64.revenue_target_currency, won77.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won77.high, won77.low, coalesce(w64.revenue_target_currency, won77.only)) END END AS done0, w64.measure = 'WON_REVENUE' AND w64.revenue_target_currency IS NOT NULL AND won77."foreign" > 0 AS needs0, CASE WHEN (w64.measure = 'WON_REVENUE' AND w64.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w64.revenue_target_milli, w64.revenue_target_currency) ELSE plangraph_decimal(w64.target_micros) END AS goal 
FROM won77
 LIMIT ? OFFSET 0) AS i80), 'opportunities', json_object('$deferred', 5, '$parent', w64.id)))) AS anon_2 
FROM (SELECT c63.id AS id, c63.name AS name, c63.status AS status, c63.period_id AS period_id, c63.plan_id AS plan_id, c63.parent_id AS parent_id, c63.account_id AS account_id, c63.contact_id AS contact_id, c63.target_micros AS target_micros, c63.unit AS unit, c63.revenue_target_milli AS revenue_target_milli, c63.revenue_target_currency AS revenue_target_currency, c63.measure AS measure, c63.manual_actual_micros AS manual_actual_micros, c63.created_at AS created_at 
FROM objectives AS c63 
WHERE c63.plan_id = p62.id AND c63.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c63.id ASC
 LIMIT ? OFFSET ?) AS w64) AS anon_1 
FROM business_plans AS p62 
WHERE p62.id IN (__[POSTCOMPILE_parents])
