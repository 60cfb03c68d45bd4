WITH visible_contacts AS 
(SELECT contacts.id AS id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))), 
visible_business_plans AS 
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
WHERE account_team_members.user_id = ?)))))), 
visible_objectives AS 
(SELECT objectives.id AS id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
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
visible_activities AS 
(SELECT activities.id AS id 
FROM activities 
WHERE activities.owner_id = ? OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))), 
visible_accounts AS 
(SELECT accounts.id AS id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT json_object('data', json_object('account', (SELECT json_object('id', plangraph_global_id('Account', t1.id), 'name', t1.name, 'contacts', (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Contact', w4.id), 'firstName', w4.first_name, 'lastName', w4.last_name, 'email', w4.email))) AS json_object_3 
FROM (SELECT c2.id AS id, c2.first_name AS first_name, c2.last_name AS last_name, c2.email AS email, c2.created_at AS created_at 
FROM account_contacts AS l3 JOIN contacts AS c2 ON c2.id = l3.contact_id 
WHERE l3.account_id = t1.id AND c2.id IN (SELECT visible_contacts.id 
FROM visible_contacts) ORDER BY c2.id ASC
 LIMIT ? OFFSET ?) AS w4), 'businessPlans', (WITH chosen6 AS 
(SELECT k5.id AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact, k5.parent_id AS parent_id 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT plan_accounts.account_id AS acct, plan_accounts.plan_id AS item, 1 AS prio, NULL AS contact 
FROM plan_accounts 
WHERE plan_accounts.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, plan_contacts.plan_id AS item, 2 AS prio, plan_contacts.contact_id AS contact 
FROM account_contacts JOIN plan_contacts ON plan_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_1 JOIN business_plans AS k5 ON k5.id = anon_1.item 
WHERE k5.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans))
 SELECT json_object('totalCount', (SELECT count(*) AS count_1 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id))), 'edges', json_group_array(json_object('via', CASE WHEN (w10._via = 1) THEN 'ACCOUNT' WHEN (w10._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t11.id)) AS json_object_5 
FROM contacts AS t11 
WHERE t11.id = w10._via_contact AND t11.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w10.id), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w10.revenue_target_milli, w10.currency), 'currency', w10.currency) END, 'wonRevenue', (WITH RECURSIVE tree66(id) AS 
(SELECT w10.id AS id UNION SELECT b67.id AS id 
FROM business_plans AS b67 JOIN tree66 ON b67.parent_id = tree66.id), 
sums70 AS 
(SELECT CASE WHEN (o69.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o69.currency AS currency, w10.currency AS plan_currency, sum(o69.amount_milli / 1000000000) AS high, sum(o69.amount_milli % 1000000000) AS low 
FROM opportunities AS o69 
WHERE o69.id IN (SELECT po68.opportunity_id 
FROM plan_opportunities AS po68 JOIN tree66 ON po68.plan_id = tree66.id) AND o69.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o69.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o69.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s71.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s71.high), 0), coalesce(sum(s71.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s71.currency, json_array(s71.high, s71.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 23, "column": 11}]')) END AS anon_2 
FROM (SELECT sums70.currency AS currency, sums70.high AS high, sums70.low AS low 
FROM sums70 
WHERE sums70.bucket = 'won') AS s71) AS f0), 'pipelineRevenue', (WITH RECURSIVE tree72(id) AS 
(SELECT w10.id AS id UNION SELECT b73.id AS id 
FROM business_plans AS b73 JOIN tree72 ON b73.parent_id = tree72.id), 
sums76 AS 
(SELECT CASE WHEN (o75.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o75.currency AS currency, w10.currency AS plan_currency, sum(o75.amount_milli / 1000000000) AS high, sum(o75.amount_milli % 1000000000) AS low 
FROM opportunities AS o75 
WHERE o75.id IN (SELECT po74.opportunity_id 
FROM plan_opportunities AS po74 JOIN tree72 ON po74.plan_id = tree72.id) AND (o75.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY CASE WHEN (o75.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o75.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s77.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s77.high), 0), coalesce(sum(s77.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s77.currency, json_array(s77.high, s77.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 24, "column": 11}]')) END AS anon_3 
FROM (SELECT sums76.currency AS currency, sums76.high AS high, sums76.low AS low 
FROM sums76 
WHERE sums76.bucket = 'open') AS s77) AS f0), 'revenueByCurrency', (WITH RECURSIVE tree78(id) AS 
(SELECT w10.id AS id UNION SELECT b79.id AS id 
FROM business_plans AS b79 JOIN tree78 ON b79.parent_id = tree78.id), 
sums82 AS 
(SELECT CASE WHEN (o81.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o81.currency AS currency, w10.currency AS plan_currency, sum(o81.amount_milli / 1000000000) AS high, sum(o81.amount_milli % 1000000000) AS low 
FROM opportunities AS o81 
WHERE o81.id IN (SELECT po80.opportunity_id 
FROM plan_opportunities AS po80 JOIN tree78 ON po80.plan_id = tree78.id) AND o81.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o81.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o81.currency)
 SELECT json_object('won', (SELECT json_group_array(json_object('amount', plangraph_amount_of_parts(c83.high, c83.low, c83.currency), 'currency', c83.currency)) AS json_group_array_1 
FROM (SELECT sums82.bucket AS bucket, sums82.currency AS currency, sums82.plan_currency AS plan_currency, sums82.high AS high, sums82.low AS low 
FROM sums82 
WHERE sums82.bucket = 'won' ORDER BY sums82.currency) AS c83), 'pipeline', (SELECT json_group_array(json_object('amount', plangraph_amount_of_parts(c84.high, c84.low, c84.currency), 'currency', c84.currency)) AS json_group_array_2 
FROM (SELECT sums82.bucket AS bucket, sums82.currency AS currency, sums82.plan_currency AS plan_currency, sums82.high AS high, sums82.low AS low 
FROM sums82 
WHERE sums82.bucket = 'open' ORDER BY sums82.currency) AS c84), 'missingRates', (SELECT json_group_array((m86.currency || '->') || m86.plan_currency) AS json_group_array_3 
FROM (SELECT DISTINCT sums82.currency AS currency, sums82.plan_currency AS plan_currency 
FROM sums82 
WHERE sums82.currency != sums82.plan_currency AND NOT (EXISTS (SELECT r85.base 
FROM exchange_rates AS r85 
WHERE r85.base = sums82.currency AND r85.quote = sums82.plan_currency OR r85.base = sums82.plan_currency AND r85.quote = sums82.currency)) ORDER BY sums82.currency) AS m86)) AS f0), 'subPlans', json_object('$deferred', 3, '$parent', w10.id), 'objectives', json_object('$deferred', 6, '$parent', w10.id))))) AS json_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC
 LIMIT ? OFFSET ?) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10), 'objectives', (WITH chosen89 AS 
(SELECT links88.id AS id, links88._via AS _via, links88._via_contact AS _via_contact 
FROM (SELECT anon_4.item AS id, anon_4.prio AS _via, anon_4.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON 1 = 1 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links88 
WHERE links88.id IN (SELECT visible_objectives.id 
FROM visible_objectives))
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen89), 'edges', json_group_array(json_object('via', CASE WHEN (w92._via = 1) THEN 'ACCOUNT' WHEN (w92._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t93.id)) AS json_object_7 
FROM contacts AS t93 
WHERE t93.id = w92._via_contact AND t93.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'actualForAccount', (WITH RECURSIVE objective_tree94(id) AS 
(SELECT w92.id AS id UNION SELECT ob95.id AS id 
FROM objectives AS ob95 JOIN objective_tree94 ON ob95.parent_id = objective_tree94.id), 
won98 AS 
(SELECT count(DISTINCT o97.currency) AS currencies, min(o97.currency) AS only, coalesce(sum(o97.amount_milli / 1000000000), 0) AS high, coalesce(sum(o97.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o97.currency != w92.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o97 
WHERE o97.objective_id IN (SELECT objective_tree94.id 
FROM objective_tree94) AND o97.stage = 'CLOSED_WON' AND (NOT (w92.account_id IS NULL AND w92.contact_id IS NULL) OR o97.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o97.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) AND w92.measure = 'WON_REVENUE'), 
s101 AS 
(SELECT o100.currency AS currency, sum(o100.amount_milli / 1000000000) AS high, sum(o100.amount_milli % 1000000000) AS low 
FROM opportunities AS o100 
WHERE o100.objective_id IN (SELECT objective_tree94.id 
FROM objective_tree94) AND o100.stage = 'CLOSED_WON' AND (NOT (w92.account_id IS NULL AND w92.contact_id IS NULL) OR o100.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o100.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o100.currency)
 SELECT CASE WHEN i99.needs THEN json_object('$progress', 'actual', '$measure', w92.measure, '$target', CAST(w92.target_micros AS TEXT), '$revenue', CAST(w92.revenue_target_milli AS TEXT), '$currency', w92.revenue_target_currency, '$manual', CAST(w92.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s101.currency, json_array(s101.high, s101.low)) AS json_group_object_1 
FROM s101), '$locations', json('[{"line": 50, "column": 37}]')) ELSE json_quote(i99.done) END AS f0 
FROM (SELECT CASE WHEN (w92.measure = 'MANUAL') THEN plangraph_decimal(w92.manual_actual_micros) WHEN (w92.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_3 
FROM activities AS a96 
WHERE a96.objective_id IN (SELECT objective_tree94.id 
FROM objective_tree94) AND a96.status = 'COMPLETED' AND (NOT (w92.account_id IS NULL AND w92.contact_id IS NULL) OR a96.account_id = t1.id OR a96.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w92.revenue_target_currency IS NULL AND won98.currencies > 1) THEN NULL WHEN (coalesce(w92.revenue_target_currency, won98.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won98.high, won98.low, coalesce(w92.revenue_target_currency, won98.only)) END END AS done, w92.measure = 'WON_REVENUE' AND w92.revenue_target_currency IS NOT NULL AND won98."foreign" > 0 AS needs 
FROM won98
 LIMIT ? OFFSET 0) AS i99), 'node', json_object('id', plangraph_global_id('Objective', w92.id), 'name', w92.name, 'isGlobal', json(CASE WHEN (w92.account_id IS NULL AND w92.contact_id IS NULL) THEN 'true' ELSE 'false' END), 'actual', (WITH RECURSIVE objective_tree102(id) AS 
(SELECT w92.id AS id UNION SELECT ob103.id AS id 
FROM objectives AS ob103 JOIN objective_tree102 ON ob103.parent_id = objective_tree102.id), 
won106 AS 
(SELECT count(DISTINCT o105.currency) AS currencies, min(o105.currency) AS only, coalesce(sum(o105.amount_milli / 1000000000), 0) AS high, coalesce(sum(o105.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o105.currency != w92.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o105 
WHERE o105.objective_id IN (SELECT objective_tree102.id 
FROM objective_tree102) AND o105.stage = 'CLOSED_WON' AND w92.measure = 'WON_REVENUE'), 
s109 AS 
(SELECT o108.currency AS currency, sum(o108.amount_milli / 1000000000) AS high, sum(o108.amount_milli % 1000000000) AS low 
FROM opportunities AS o108 
WHERE o108.objective_id IN (SELECT objective_tree102.id 
FROM objective_tree102) AND o108.stage = 'CLOSED_WON' GROUP BY o108.currency)
 SELECT CASE WHEN i107.needs THEN json_object('$progress', 'actual', '$measure', w92.measure, '$target', CAST(w92.target_micros AS TEXT), '$revenue', CAST(w92.revenue_target_milli AS TEXT), '$currency', w92.revenue_target_currency, '$manual', CAST(w92.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s109.currency, json_array(s109.high, s109.low)) AS json_group_object_2 
FROM s109), '$locations', json('[{"line": 50, "column": 78}]')) ELSE json_quote(i107.done) END AS f0 
FROM (SELECT CASE WHEN (w92.measure = 'MANUAL') THEN plangraph_decimal(w92.manual_actual_micros) WHEN (w92.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_4 
FROM activities AS a104 
WHERE a104.objective_id IN (SELECT objective_tree102.id 
FROM objective_tree102) AND a104.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w92.revenue_target_currency IS NULL AND won106.currencies > 1) THEN NULL WHEN (coalesce(w92.revenue_target_currency, won106.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won106.high, won106.low, coalesce(w92.revenue_target_currency, won106.only)) END END AS done, w92.measure = 'WON_REVENUE' AND w92.revenue_target_currency IS NOT NULL AND won106."foreign" > 0 AS needs 
FROM won106
 LIMIT ? OFFSET 0) AS i107))))) AS json_object_6 
FROM (SELECT c90.id AS id, c90.name AS name, c90.status AS status, c90.period_id AS period_id, c90.plan_id AS plan_id, c90.parent_id AS parent_id, c90.account_id AS account_id, c90.contact_id AS contact_id, c90.target_micros AS target_micros, c90.unit AS unit, c90.revenue_target_milli AS revenue_target_milli, c90.revenue_target_currency AS revenue_target_currency, c90.measure AS measure, c90.manual_actual_micros AS manual_actual_micros, c90.created_at AS created_at, head91._via AS _via, head91._via_contact AS _via_contact 
FROM (SELECT chosen89.id AS id, chosen89._via AS _via, chosen89._via_contact AS _via_contact 
FROM chosen89 ORDER BY chosen89.id ASC
 LIMIT ? OFFSET ?) AS head91 JOIN objectives AS c90 ON c90.id = head91.id ORDER BY head91.id ASC) AS w92), 'opportunities', (WITH chosen112 AS 
(SELECT links111.id AS id, links111._via AS _via, links111._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_5) AS links111 
WHERE links111.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_5 
FROM chosen112), 'edges', json_group_array(json_object('via', CASE WHEN (w115._via = 1) THEN 'ACCOUNT' WHEN (w115._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w115.id), 'name', w115.name, 'stage', w115.stage)))) AS json_object_8 
FROM (SELECT c113.id AS id, c113.name AS name, c113.account_id AS account_id, c113.stage AS stage, c113.amount_milli AS amount_milli, c113.currency AS currency, c113.close_on AS close_on, c113.owner_id AS owner_id, c113.objective_id AS objective_id, c113.created_at AS created_at, head114._via AS _via, head114._via_contact AS _via_contact 
FROM (SELECT chosen112.id AS id, chosen112._via AS _via, chosen112._via_contact AS _via_contact 
FROM chosen112 ORDER BY chosen112.id ASC
 LIMIT ? OFFSET ?) AS head114 JOIN opportunities AS c113 ON c113.id = head114.id ORDER BY head114.id ASC) AS w115), 'activities', (WITH chosen118 AS 
(SELECT links117.id AS id, links117._via AS _via, links117._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_6) AS links117 
WHERE links117.id IN (SELECT visible_activities.id 
FROM visible_activities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_6 
FROM chosen118), 'edges', json_group_array(json_object('via', CASE WHEN (w121._via = 1) THEN 'ACCOUNT' WHEN (w121._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w121.id), 'subject', w121.subject, 'status', w121.status)))) AS json_object_9 
FROM (SELECT c119.id AS id, c119.type AS type, c119.subject AS subject, c119.status AS status, c119.due_at AS due_at, c119.owner_id AS owner_id, c119.account_id AS account_id, c119.contact_id AS contact_id, c119.plan_id AS plan_id, c119.objective_id AS objective_id, c119.opportunity_id AS opportunity_id, c119.follow_up_of_id AS follow_up_of_id, c119.created_at AS created_at, head120._via AS _via, head120._via_contact AS _via_contact 
FROM (SELECT chosen118.id AS id, chosen118._via AS _via, chosen118._via_contact AS _via_contact 
FROM chosen118 ORDER BY chosen118.id ASC
 LIMIT ? OFFSET ?) AS head120 JOIN activities AS c119 ON c119.id = head120.id ORDER BY head120.id ASC) AS w121)) AS json_object_2 
FROM accounts AS t1 
WHERE t1.id = ? AND t1.id IN (SELECT visible_accounts.id 
FROM visible_accounts)))) AS json_object_1

-- deferred list 0
WITH visible_objectives AS 
(SELECT objectives.id AS id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))))
 SELECT p15.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w17.id), 'name', w17.name, 'target', plangraph_decimal(w17.target_micros), 'unit', w17.unit, 'measure', w17.measure, 'actual', (WITH RECURSIVE objective_tree18(id) AS 
(SELECT w17.id AS id UNION SELECT ob19.id AS id 
FROM objectives AS ob19 JOIN objective_tree18 ON ob19.parent_id = objective_tree18.id), 
won22 AS 
(SELECT count(DISTINCT o21.currency) AS currencies, min(o21.currency) AS only, coalesce(sum(o21.amount_milli / 1000000000), 0) AS high, coalesce(sum(o21.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o21.currency != w17.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o21 
WHERE o21.objective_id IN (SELECT objective_tree18.id 
FROM objective_tree18) AND o21.stage = 'CLOSED_WON' AND w17.measure = 'WON_REVENUE'), 
s25 AS 
(SELECT o24.currency AS currency, sum(o24.amount_milli / 1000000000) AS high, sum(o24.amount_milli % 1000000000) AS low 
FROM opportunities AS o24 
WHERE o24.objective_id IN (SELECT objective_tree18.id 
FROM objective_tree18) AND o24.stage = 'CLOSED_WON' GROUP BY o24.currency)
 SELECT CASE WHEN i23.needs THEN json_object('$progress', 'actual', '$measure', w17.measure, '$target', CAST(w17.target_micros AS TEXT), '$revenue', CAST(w17.revenue_target_milli AS TEXT), '$currency', w17.revenue_target_currency, '$manual', CAST(w17.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s25.currency, json_array(s25.high, s25.low)) AS json_group_object_1 
FROM s25), '$locations', json('[{"line": 29, "column": 75}]')) ELSE json_quote(i23.done) END AS f0 
FROM (SELECT CASE WHEN (w17.measure = 'MANUAL') THEN plangraph_decimal(w17.manual_actual_micros) WHEN (w17.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a20 
WHERE a20.objective_id IN (SELECT objective_tree18.id 
FROM objective_tree18) AND a20.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w17.revenue_target_currency IS NULL AND won22.currencies > 1) THEN NULL WHEN (coalesce(w17.revenue_target_currency, won22.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won22.high, won22.low, coalesce(w17.revenue_target_currency, won22.only)) END END AS done, w17.measure = 'WON_REVENUE' AND w17.revenue_target_currency IS NOT NULL AND won22."foreign" > 0 AS needs 
FROM won22
 LIMIT ? OFFSET 0) AS i23), 'progress', (WITH RECURSIVE objective_tree26(id) AS 
(SELECT w17.id AS id UNION SELECT ob27.id AS id 
FROM objectives AS ob27 JOIN objective_tree26 ON ob27.parent_id = objective_tree26.id), 
won30 AS 
(SELECT count(DISTINCT o29.currency) AS currencies, min(o29.currency) AS only, coalesce(sum(o29.amount_milli / 1000000000), 0) AS high, coalesce(sum(o29.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o29.currency != w17.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o29 
WHERE o29.objective_id IN (SELECT objective_tree26.id 
FROM objective_tree26) AND o29.stage = 'CLOSED_WON' AND w17.measure = 'WON_REVENUE'), 
s33 AS 
(SELECT o32.currency AS currency, sum(o32.amount_milli / 1000000000) AS high, sum(o32.amount_milli % 1000000000) AS low 
FROM opportunities AS o32 
WHERE o32.objective_id IN (SELECT objective_tree26.id 
FROM objective_tree26) AND o32.stage = 'CLOSED_WON' GROUP BY o32.currency)
 SELECT CASE WHEN i31.needs THEN json_object('$progress', 'progress', '$measure', w17.measure, '$target', CAST(w17.target_micros AS TEXT), '$revenue', CAST(w17.revenue_target_milli AS TEXT), '$currency', w17.revenue_target_currency, '$manual', CAST(w17.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s33.currency, json_array(s33.high, s33.low)) AS json_group_object_2 
FROM s33), '$locations', json('[{"line": 29, "column": 82}]')) ELSE json(plangraph_ratio(i31.done, CASE WHEN (w17.measure = 'WON_REVENUE' AND w17.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w17.revenue_target_milli, w17.revenue_target_currency) ELSE plangraph_decimal(w17.target_micros) END)) END AS f0 
FROM (SELECT CASE WHEN (w17.measure = 'MANUAL') THEN plangraph_decimal(w17.manual_actual_micros) WHEN (w17.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a28 
WHERE a28.objective_id IN (SELECT objective_tree26.id 
FROM objective_tree26) AND a28.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w17.revenue_target_currency IS NULL AND won30.currencies > 1) THEN NULL WHEN (coalesce(w17.revenue_target_currency, won30.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won30.high, won30.low, coalesce(w17.revenue_target_currency, won30.only)) END END AS done, w17.measure = 'WON_REVENUE' AND w17.revenue_target_currency IS NOT NULL AND won30."foreign" > 0 AS needs 
FROM won30
 LIMIT ? OFFSET 0) AS i31)))) AS json_object_1 
FROM (SELECT c16.id AS id, c16.name AS name, c16.status AS status, c16.period_id AS period_id, c16.plan_id AS plan_id, c16.parent_id AS parent_id, c16.account_id AS account_id, c16.contact_id AS contact_id, c16.target_micros AS target_micros, c16.unit AS unit, c16.revenue_target_milli AS revenue_target_milli, c16.revenue_target_currency AS revenue_target_currency, c16.measure AS measure, c16.manual_actual_micros AS manual_actual_micros, c16.created_at AS created_at 
FROM objectives AS c16 
WHERE c16.plan_id = p15.id AND c16.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c16.id ASC
 LIMIT ? OFFSET ?) AS w17) AS anon_1 
FROM business_plans AS p15 
WHERE p15.id IN (__[POSTCOMPILE_parents])

-- deferred list 1
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p34.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w37.id), 'name', w37.name, 'stage', w37.stage, 'amount', CASE WHEN (w37.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w37.amount_milli, w37.currency), 'currency', w37.currency) END))) AS json_object_1 
FROM (SELECT c35.id AS id, c35.name AS name, c35.account_id AS account_id, c35.stage AS stage, c35.amount_milli AS amount_milli, c35.currency AS currency, c35.close_on AS close_on, c35.owner_id AS owner_id, c35.objective_id AS objective_id, c35.created_at AS created_at 
FROM plan_opportunities AS l36 JOIN opportunities AS c35 ON c35.id = l36.opportunity_id 
WHERE l36.plan_id = p34.id AND c35.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c35.id ASC
 LIMIT ? OFFSET ?) AS w37) AS anon_1 
FROM business_plans AS p34 
WHERE p34.id IN (__[POSTCOMPILE_parents])

-- deferred list 2
WITH visible_activities AS 
(SELECT activities.id AS id 
FROM activities 
WHERE activities.owner_id = ? OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))))
 SELECT p38.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w40.id), 'subject', w40.subject, 'status', w40.status))) AS json_object_1 
FROM (SELECT c39.id AS id, c39.type AS type, c39.subject AS subject, c39.status AS status, c39.due_at AS due_at, c39.owner_id AS owner_id, c39.account_id AS account_id, c39.contact_id AS contact_id, c39.plan_id AS plan_id, c39.objective_id AS objective_id, c39.opportunity_id AS opportunity_id, c39.follow_up_of_id AS follow_up_of_id, c39.created_at AS created_at 
FROM activities AS c39 
WHERE c39.plan_id = p38.id AND c39.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c39.id ASC
 LIMIT ? OFFSET ?) AS w40) AS anon_1 
FROM business_plans AS p38 
WHERE p38.id IN (__[POSTCOMPILE_parents])

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
WHERE plan_contacts.plan_id = business_plans.id AND plan_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))))))
 SELECT p12.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('BusinessPlan', w14.id), 'name', w14.name, 'status', w14.status, 'objectives', json_object('$deferred', 0, '$parent', w14.id), 'opportunities', json_object('$deferred', 1, '$parent', w14.id), 'activities', json_object('$deferred', 2, '$parent', w14.id)))) AS json_object_1 
FROM (SELECT c13.id AS id, c13.name AS name, c13.type AS type, c13.period_id AS period_id, c13.owner_id AS owner_id, c13.status AS status, c13.description AS description, c13.currency AS currency, c13.revenue_target_milli AS revenue_target_milli, c13.parent_id AS parent_id, c13.version AS version, c13.copied_from_id AS copied_from_id, c13.created_at AS created_at, c13.updated_at AS updated_at 
FROM business_plans AS c13 
WHERE c13.parent_id = p12.id AND c13.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans) ORDER BY c13.id ASC
 LIMIT ? OFFSET ?) AS w14) AS anon_1 
FROM business_plans AS p12 
WHERE p12.id IN (__[POSTCOMPILE_parents])

-- deferred list 4
WITH visible_activities AS 
(SELECT activities.id AS id 
FROM activities 
WHERE activities.owner_id = ? OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))))
 SELECT p47.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w49.id), 'subject', w49.subject, 'status', w49.status, 'type', w49.type))) AS json_object_1 
FROM (SELECT c48.id AS id, c48.type AS type, c48.subject AS subject, c48.status AS status, c48.due_at AS due_at, c48.owner_id AS owner_id, c48.account_id AS account_id, c48.contact_id AS contact_id, c48.plan_id AS plan_id, c48.objective_id AS objective_id, c48.opportunity_id AS opportunity_id, c48.follow_up_of_id AS follow_up_of_id, c48.created_at AS created_at 
FROM activities AS c48 
WHERE c48.opportunity_id = p47.id AND c48.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c48.id ASC
 LIMIT ? OFFSET ?) AS w49) AS anon_1 
FROM opportunities AS p47 
WHERE p47.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p44.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w46.id), 'name', w46.name, 'stage', w46.stage, 'amount', CASE WHEN (w46.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w46.amount_milli, w46.currency), 'currency', w46.currency) END, 'activities', json_object('$deferred', 4, '$parent', w46.id)))) AS json_object_1 
FROM (SELECT c45.id AS id, c45.name AS name, c45.account_id AS account_id, c45.stage AS stage, c45.amount_milli AS amount_milli, c45.currency AS currency, c45.close_on AS close_on, c45.owner_id AS owner_id, c45.objective_id AS objective_id, c45.created_at AS created_at 
FROM opportunities AS c45 
WHERE c45.objective_id = p44.id AND c45.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c45.id ASC
 LIMIT ? OFFSET ?) AS w46) AS anon_1 
FROM objectives AS p44 
WHERE p44.id IN (__[POSTCOMPILE_parents])

-- deferred list 6
WITH visible_objectives AS 
(SELECT objectives.id AS id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))))
 SELECT p41.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w43.id), 'name', w43.name, 'target', plangraph_decimal(w43.target_micros), 'unit', w43.unit, 'measure', w43.measure, 'actual', (WITH RECURSIVE objective_tree50(id) AS 
(SELECT w43.id AS id UNION SELECT ob51.id AS id 
FROM objectives AS ob51 JOIN objective_tree50 ON ob51.parent_id = objective_tree50.id), 
won54 AS 
(SELECT count(DISTINCT o53.currency) AS currencies, min(o53.currency) AS only, coalesce(sum(o53.amount_milli / 1000000000), 0) AS high, coalesce(sum(o53.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o53.currency != w43.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o53 
WHERE o53.objective_id IN (SELECT objective_tree50.id 
FROM objective_tree50) AND o53.stage = 'CLOSED_WON' AND w43.measure = 'WON_REVENUE'), 
s57 AS 
(SELECT o56.currency AS currency, sum(o56.amount_milli / 1000000000) AS high, sum(o56.amount_milli % 1000000000) AS low 
FROM opportunities AS o56 
WHERE o56.objective_id IN (SELECT objective_tree50.id 
FROM objective_tree50) AND o56.stage = 'CLOSED_WON' GROUP BY o56.currency)
 SELECT CASE WHEN i55.needs THEN json_object('$progress', 'actual', '$measure', w43.measure, '$target', CAST(w43.target_micros AS TEXT), '$revenue', CAST(w43.revenue_target_milli AS TEXT), '$currency', w43.revenue_target_currency, '$manual', CAST(w43.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s57.currency, json_array(s57.high, s57.low)) AS json_group_object_1 
FROM s57), '$locations', json('[{"line": 36, "column": 43}]')) ELSE json_quote(i55.done) END AS f0 
FROM (SELECT CASE WHEN (w43.measure = 'MANUAL') THEN plangraph_decimal(w43.manual_actual_micros) WHEN (w43.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a52 
WHERE a52.objective_id IN (SELECT objective_tree50.id 
FROM objective_tree50) AND a52.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w43.revenue_target_currency IS NULL AND won54.currencies > 1) THEN NULL WHEN (coalesce(w43.revenue_target_currency, won54.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won54.high, won54.low, coalesce(w43.revenue_target_currency, won54.only)) END END AS done, w43.measure = 'WON_REVENUE' AND w43.revenue_target_currency IS NOT NULL AND won54."foreign" > 0 AS needs 
FROM won54
 LIMIT ? OFFSET 0) AS i55), 'progress', (WITH RECURSIVE objective_tree58(id) AS 
(SELECT w43.id AS id UNION SELECT ob59.id AS id 
FROM objectives AS ob59 JOIN objective_tree58 ON ob59.parent_id = objective_tree58.id), 
won62 AS 
(SELECT count(DISTINCT o61.currency) AS currencies, min(o61.currency) AS only, coalesce(sum(o61.amount_milli / 1000000000), 0) AS high, coalesce(sum(o61.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o61.currency != w43.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o61 
WHERE o61.objective_id IN (SELECT objective_tree58.id 
FROM objective_tree58) AND o61.stage = 'CLOSED_WON' AND w43.measure = 'WON_REVENUE'), 
s65 AS 
(SELECT o64.currency AS currency, sum(o64.amount_milli / 1000000000) AS high, sum(o64.amount_milli % 1000000000) AS low 
FROM opportunities AS o64 
WHERE o64.objective_id IN (SELECT objective_tree58.id 
FROM objective_tree58) AND o64.stage = 'CLOSED_WON' GROUP BY o64.currency)
 SELECT CASE WHEN i63.needs THEN json_object('$progress', 'progress', '$measure', w43.measure, '$target', CAST(w43.target_micros AS TEXT), '$revenue', CAST(w43.revenue_target_milli AS TEXT), '$currency', w43.revenue_target_currency, '$manual', CAST(w43.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s65.currency, json_array(s65.high, s65.low)) AS json_group_object_2 
FROM s65), '$locations', json('[{"line": 36, "column": 50}]')) ELSE json(plangraph_ratio(i63.done, CASE WHEN (w43.measure = 'WON_REVENUE' AND w43.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w43.revenue_target_milli, w43.revenue_target_currency) ELSE plangraph_decimal(w43.target_micros) END)) END AS f0 
FROM (SELECT CASE WHEN (w43.measure = 'MANUAL') THEN plangraph_decimal(w43.manual_actual_micros) WHEN (w43.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a60 
WHERE a60.objective_id IN (SELECT objective_tree58.id 
FROM objective_tree58) AND a60.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w43.revenue_target_currency IS NULL AND won62.currencies > 1) THEN NULL WHEN (coalesce(w43.revenue_target_currency, won62.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won62.high, won62.low, coalesce(w43.revenue_target_currency, won62.only)) END END AS done, w43.measure = 'WON_REVENUE' AND w43.revenue_target_currency IS NOT NULL AND won62."foreign" > 0 AS needs 
FROM won62
 LIMIT ? OFFSET 0) AS i63), 'opportunities', json_object('$deferred', 5, '$parent', w43.id)))) AS json_object_1 
FROM (SELECT c42.id AS id, c42.name AS name, c42.status AS status, c42.period_id AS period_id, c42.plan_id AS plan_id, c42.parent_id AS parent_id, c42.account_id AS account_id, c42.contact_id AS contact_id, c42.target_micros AS target_micros, c42.unit AS unit, c42.revenue_target_milli AS revenue_target_milli, c42.revenue_target_currency AS revenue_target_currency, c42.measure AS measure, c42.manual_actual_micros AS manual_actual_micros, c42.created_at AS created_at 
FROM objectives AS c42 
WHERE c42.plan_id = p41.id AND c42.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c42.id ASC
 LIMIT ? OFFSET ?) AS w43) AS anon_1 
FROM business_plans AS p41 
WHERE p41.id IN (__[POSTCOMPILE_parents])
