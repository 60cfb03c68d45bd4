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
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_4 JOIN business_plans AS k5 ON anon_4.item = k5.id 
WHERE k5.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans))
 SELECT json_object('totalCount', (SELECT count(*) AS count_1 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id))), 'edges', json_group_array(json_object('via', CASE WHEN (w10._via = 1) THEN 'ACCOUNT' WHEN (w10._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t11.id)) AS anon_6 
FROM contacts AS t11 
WHERE t11.id = w10._via_contact AND t11.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w10.id), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w10.revenue_target_milli, w10.currency), 'currency', w10.currency) END, 'wonRevenue', (WITH RECURSIVE tree12(id) AS 
(SELECT w10.id AS id UNION SELECT b13.id AS id 
FROM business_plans AS b13 JOIN tree12 ON b13.parent_id = tree12.id), 
sums16 AS 
(SELECT CASE WHEN (o15.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o15.currency AS currency, w10.currency AS plan_currency, sum(o15.amount_milli / 1000000000) AS high, sum(o15.amount_milli % 1000000000) AS low 
FROM opportunities AS o15 
WHERE o15.id IN (SELECT po14.opportunity_id 
FROM plan_opportunities AS po14 JOIN tree12 ON po14.plan_id = tree12.id) AND o15.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o15.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o15.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s17.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s17.high), 0), coalesce(sum(s17.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s17.currency, json_array(s17.high, s17.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 23, "column": 11}]')) END AS anon_7 
FROM (SELECT sums16.currency AS currency, sums16.high AS high, sums16.low AS low 
FROM sums16 
WHERE sums16.bucket = 'won') AS s17) AS f0), 'pipelineRevenue', (WITH RECURSIVE tree18(id) AS 
(SELECT w10.id AS id UNION SELECT b19.id AS id 
FROM business_plans AS b19 JOIN tree18 ON b19.parent_id = tree18.id), 
sums22 AS 
(SELECT CASE WHEN (o21.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o21.currency AS currency, w10.currency AS plan_currency, sum(o21.amount_milli / 1000000000) AS high, sum(o21.amount_milli % 1000000000) AS low 
FROM opportunities AS o21 
WHERE o21.id IN (SELECT po20.opportunity_id 
FROM plan_opportunities AS po20 JOIN tree18 ON po20.plan_id = tree18.id) AND (o21.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY CASE WHEN (o21.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o21.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s23.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s23.high), 0), coalesce(sum(s23.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s23.currency, json_array(s23.high, s23.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 24, "column": 11}]')) END AS anon_8 
FROM (SELECT sums22.currency AS currency, sums22.high AS high, sums22.low AS low 
FROM sums22 
WHERE sums22.bucket = 'open') AS s23) AS f0), 'revenueByCurrency', (WITH RECURSIVE tree24(id) AS 
(SELECT w10.id AS id UNION SELECT b25.id AS id 
FROM business_plans AS b25 JOIN tree24 ON b25.parent_id = tree24.id), 
sums28 AS 
(SELECT CASE WHEN (o27.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o27.currency AS currency, w10.currency AS plan_currency, sum(o27.amount_milli / 1000000000) AS high, sum(o27.amount_milli % 1000000000) AS low 
FROM opportunities AS o27 
WHERE o27.id IN (SELECT po26.opportunity_id 
FROM plan_opportunities AS po26 JOIN tree24 ON po26.plan_id = tree24.id) AND o27.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o27.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o27.currency)
 SELECT (SELECT json_object('won', json_group_array(json_object('amount', plangraph_amount_of_parts(c29.high, c29.low, c29.currency), 'currency', c29.currency)) FILTER (WHERE c29.bucket = 'won'), 'pipeline', json_group_array(json_object('amount', plangraph_amount_of_parts(c29.high, c29.low, c29.currency), 'currency', c29.currency)) FILTER (WHERE c29.bucket = 'open'), 'missingRates', json_group_array(DISTINCT ((c29.currency || '->') || c29.plan_currency)) FILTER (WHERE c29.currency != c29.plan_currency AND NOT (EXISTS (SELECT r30.base 
FROM exchange_rates AS r30 
WHERE r30.base = c29.currency AND r30.quote = c29.plan_currency OR r30.base = c29.plan_currency AND r30.quote = c29.currency)))) AS anon_9 
FROM (SELECT sums28.bucket AS bucket, sums28.currency AS currency, sums28.plan_currency AS plan_currency, sums28.high AS high, sums28.low AS low 
FROM sums28 ORDER BY sums28.currency) AS c29) AS f0), 'subPlans', json_object('$deferred', 3, '$parent', w10.id), 'objectives', json_object('$deferred', 6, '$parent', w10.id))))) AS anon_5 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC
 LIMIT ? OFFSET ?) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10), 'objectives', (WITH chosen87 AS 
(SELECT links86.id AS id, links86._via AS _via, links86._via_contact AS _via_contact 
FROM (SELECT anon_10.item AS id, anon_10.prio AS _via, anon_10.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON 1 = 1 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2, 3)) AS anon_10) AS links86 
WHERE links86.id IN (SELECT visible_objectives.id 
FROM visible_objectives))
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen87), 'edges', json_group_array(json_object('via', CASE WHEN (w90._via = 1) THEN 'ACCOUNT' WHEN (w90._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t91.id)) AS anon_12 
FROM contacts AS t91 
WHERE t91.id = w90._via_contact AND t91.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'actualForAccount', (WITH RECURSIVE objective_tree92(id) AS 
(SELECT w90.id AS id UNION SELECT ob93.id AS id 
FROM objectives AS ob93 JOIN objective_tree92 ON ob93.parent_id = objective_tree92.id), 
won96 AS 
(SELECT min(o95.currency) AS only, max(o95.currency) AS last, coalesce(sum(o95.amount_milli / 1000000000), 0) AS high, coalesce(sum(o95.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o95.currency != w90.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o95 JOIN objective_tree92 ON o95.objective_id = objective_tree92.id 
WHERE o95.stage = 'CLOSED_WON' AND (NOT (w90.account_id IS NULL AND w90.contact_id IS NULL) OR o95.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o95.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) AND w90.measure = 'WON_REVENUE'), 
s98 AS 
(SELECT o97.currency AS currency, sum(o97.amount_milli / 1000000000) AS high, sum(o97.amount_milli % 1000000000) AS low 
FROM opportunities AS o97 JOIN objective_tree92 ON o97.objective_id = objective_tree92.id 
WHERE o97.stage = 'CLOSED_WON' AND (NOT (w90.account_id IS NULL AND w90.contact_id IS NULL) OR o97.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o97.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o97.currency)
 SELECT CASE WHEN i99.needs1 THEN json_object('$progress', 'actual', '$measure', w90.measure, '$target', CAST(w90.target_micros AS TEXT), '$revenue', CAST(w90.revenue_target_milli AS TEXT), '$currency', w90.revenue_target_currency, '$manual', CAST(w90.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s98.currency, json_array(s98.high, s98.low)) AS json_group_object_1 
FROM s98), '$locations', json('[{"line": 50, "column": 37}]')) ELSE json_quote(i99.done1) END AS f0 
FROM (SELECT CASE WHEN (w90.measure = 'MANUAL') THEN plangraph_decimal(w90.manual_actual_micros) WHEN (w90.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_3 
FROM activities AS a94 JOIN objective_tree92 ON a94.objective_id = objective_tree92.id 
WHERE a94.status = 'COMPLETED' AND (NOT (w90.account_id IS NULL AND w90.contact_id IS NULL) OR a94.account_id = t1.id OR a94.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w90.revenue_target_currency IS NULL AND won96.only != won96.last) THEN NULL WHEN (coalesce(w90.revenue_target_currency, won96.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won96.high, won96.low, coalesce(w90.revenue_target_currency, won96.only)) END END AS done1, w90.measure = 'WON_REVENUE' AND w90.revenue_target_currency IS NOT NULL AND won96."foreign" > 0 AS needs1 
FROM won96
 LIMIT ? OFFSET 0) AS i99), 'node', json_object('id', plangraph_global_id('Objective', w90.id), 'name', w90.name, 'isGlobal', json(CASE WHEN (w90.account_id IS NULL AND w90.contact_id IS NULL) THEN 'true' ELSE 'false' END), 'actual', (WITH RECURSIVE objective_tree100(id) AS 
(SELECT w90.id AS id UNION SELECT ob101.id AS id 
FROM objectives AS ob101 JOIN objective_tree100 ON ob101.parent_id = objective_tree100.id), 
won104 AS 
(SELECT min(o103.currency) AS only, max(o103.currency) AS last, coalesce(sum(o103.amount_milli / 1000000000), 0) AS high, coalesce(sum(o103.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o103.currency != w90.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o103 JOIN objective_tree100 ON o103.objective_id = objective_tree100.id 
WHERE o103.stage = 'CLOSED_WON' AND w90.measure = 'WON_REVENUE'), 
s106 AS 
(SELECT o105.currency AS currency, sum(o105.amount_milli / 1000000000) AS high, sum(o105.amount_milli % 1000000000) AS low 
FROM opportunities AS o105 JOIN objective_tree100 ON o105.objective_id = objective_tree100.id 
WHERE o105.stage = 'CLOSED_WON' GROUP BY o105.currency)
 SELECT CASE WHEN i107.needs0 THEN json_object('$progress', 'actual', '$measure', w90.measure, '$target', CAST(w90.target_micros AS TEXT), '$revenue', CAST(w90.revenue_target_milli AS TEXT), '$currency', w90.revenue_target_currency, '$manual', CAST(w90.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s106.currency, json_array(s106.high, s106.low)) AS json_group_object_2 
FROM s106), '$locations', json('[{"line": 50, "column": 78}]')) ELSE json_quote(i107.done0) END AS f0 
FROM (SELECT CASE WHEN (w90.measure = 'MANUAL') THEN plangraph_decimal(w90.manual_actual_micros) WHEN (w90.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_4 
FROM activities AS a102 JOIN objective_tree100 ON a102.objective_id = objective_tree100.id 
WHERE a102.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w90.revenue_target_currency IS NULL AND won104.only != won104.last) THEN NULL WHEN (coalesce(w90.revenue_target_currency, won104.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won104.high, won104.low, coalesce(w90.revenue_target_currency, won104.only)) END END AS done0, w90.measure = 'WON_REVENUE' AND w90.revenue_target_currency IS NOT NULL AND won104."foreign" > 0 AS needs0 
FROM won104
 LIMIT ? OFFSET 0) AS i107))))) AS anon_11 
FROM (SELECT c88.id AS id, c88.name AS name, c88.status AS status, c88.period_id AS period_id, c88.plan_id AS plan_id, c88.parent_id AS parent_id, c88.account_id AS account_id, c88.contact_id AS contact_id, c88.target_micros AS target_micros, c88.unit AS unit, c88.revenue_target_milli AS revenue_target_milli, c88.revenue_target_currency AS revenue_target_currency, c88.measure AS measure, c88.manual_actual_micros AS manual_actual_micros, c88.created_at AS created_at, head89._via AS _via, head89._via_contact AS _via_contact 
FROM (SELECT chosen87.id AS id, chosen87._via AS _via, chosen87._via_contact AS _via_contact 
FROM chosen87 ORDER BY chosen87.id ASC
 LIMIT ? OFFSET ?) AS head89 JOIN objectives AS c88 ON head89.id = c88.id ORDER BY head89.id ASC) AS w90), 'opportunities', (WITH chosen110 AS 
(SELECT links109.id AS id, links109._via AS _via, links109._via_contact AS _via_contact 
FROM (SELECT anon_13.item AS id, anon_13.prio AS _via, anon_13.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_13) AS links109 
WHERE links109.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_5 
FROM chosen110), 'edges', json_group_array(json_object('via', CASE WHEN (w113._via = 1) THEN 'ACCOUNT' WHEN (w113._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w113.id), 'name', w113.name, 'stage', w113.stage)))) AS anon_14 
FROM (SELECT c111.id AS id, c111.name AS name, c111.account_id AS account_id, c111.stage AS stage, c111.amount_milli AS amount_milli, c111.currency AS currency, c111.close_on AS close_on, c111.owner_id AS owner_id, c111.objective_id AS objective_id, c111.created_at AS created_at, head112._via AS _via, head112._via_contact AS _via_contact 
FROM (SELECT chosen110.id AS id, chosen110._via AS _via, chosen110._via_contact AS _via_contact 
FROM chosen110 ORDER BY chosen110.id ASC
 LIMIT ? OFFSET ?) AS head112 JOIN opportunities AS c111 ON head112.id = c111.id ORDER BY head112.id ASC) AS w113), 'activities', (WITH chosen116 AS 
(SELECT links115.id AS id, links115._via AS _via, links115._via_contact AS _via_contact 
FROM (SELECT anon_15.item AS id, anon_15.prio AS _via, anon_15.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_15) AS links115 
WHERE links115.id IN (SELECT visible_activities.id 
FROM visible_activities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_6 
FROM chosen116), 'edges', json_group_array(json_object('via', CASE WHEN (w119._via = 1) THEN 'ACCOUNT' WHEN (w119._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w119.id), 'subject', w119.subject, 'status', w119.status)))) AS anon_16 
FROM (SELECT c117.id AS id, c117.type AS type, c117.subject AS subject, c117.status AS status, c117.due_at AS due_at, c117.owner_id AS owner_id, c117.account_id AS account_id, c117.contact_id AS contact_id, c117.plan_id AS plan_id, c117.objective_id AS objective_id, c117.opportunity_id AS opportunity_id, c117.follow_up_of_id AS follow_up_of_id, c117.created_at AS created_at, head118._via AS _via, head118._via_contact AS _via_contact 
FROM (SELECT chosen116.id AS id, chosen116._via AS _via, chosen116._via_contact AS _via_contact 
FROM chosen116 ORDER BY chosen116.id ASC
 LIMIT ? OFFSET ?) AS head118 JOIN activities AS c117 ON head118.id = c117.id ORDER BY head118.id ASC) AS w119)) AS anon_2 
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
WHERE account_team_members.user_id = ?)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?))))
 SELECT p34.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w36.id), 'name', w36.name, 'target', plangraph_decimal(w36.target_micros), 'unit', w36.unit, 'measure', w36.measure, 'actual', (WITH RECURSIVE objective_tree37(id) AS 
(SELECT w36.id AS id UNION SELECT ob38.id AS id 
FROM objectives AS ob38 JOIN objective_tree37 ON ob38.parent_id = objective_tree37.id), 
won41 AS 
(SELECT min(o40.currency) AS only, max(o40.currency) AS last, coalesce(sum(o40.amount_milli / 1000000000), 0) AS high, coalesce(sum(o40.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o40.currency != w36.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o40 JOIN objective_tree37 ON o40.objective_id = objective_tree37.id 
WHERE o40.stage = 'CLOSED_WON' AND w36.measure = 'WON_REVENUE'), 
s43 AS 
(SELECT o42.currency AS currency, sum(o42.amount_milli / 1000000000) AS high, sum(o42.amount_milli % 1000000000) AS low 
FROM opportunities AS o42 JOIN objective_tree37 ON o42.objective_id = objective_tree37.id 
WHERE o42.stage = 'CLOSED_WON' GROUP BY o42.currency)
 SELECT CASE WHEN i44.needs0 THEN json_object('$progress', 'actual', '$measure', w36.measure, '$target', CAST(w36.target_micros AS TEXT), '$revenue', CAST(w36.revenue_target_milli AS TEXT), '$currency', w36.revenue_target_currency, '$manual', CAST(w36.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s43.currency, json_array(s43.high, s43.low)) AS json_group_object_1 
FROM s43), '$locations', json('[{"line": 29, "column": 75}]')) ELSE json_quote(i44.done0) END AS f0 
FROM (SELECT CASE WHEN (w36.measure = 'MANUAL') THEN plangraph_decimal(w36.manual_actual_micros) WHEN (w36.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a39 JOIN objective_tree37 ON a39.objective_id = objective_tree37.id 
WHERE a39.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w36.revenue_target_currency IS NULL AND won41.only != won41.last) THEN NULL WHEN (coalesce(w36.revenue_target_currency, won41.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won41.high, won41.low, coalesce(w36.revenue_target_currency, won41.only)) END END AS done0, w36.measure = 'WON_REVENUE' AND w36.revenue_target_currency IS NOT NULL AND won41."foreign" > 0 AS needs0 
FROM won41
 LIMIT ? OFFSET 0) AS i44), 'progress', (WITH RECURSIVE objective_tree45(id) AS 
(SELECT w36.id AS id UNION SELECT ob46.id AS id 
FROM objectives AS ob46 JOIN objective_tree45 ON ob46.parent_id = objective_tree45.id), 
won49 AS 
(SELECT min(o48.currency) AS only, max(o48.currency) AS last, coalesce(sum(o48.amount_milli / 1000000000), 0) AS high, coalesce(sum(o48.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o48.currency != w36.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o48 JOIN objective_tree45 ON o48.objective_id = objective_tree45.id 
WHERE o48.stage = 'CLOSED_WON' AND w36.measure = 'WON_REVENUE'), 
s51 AS 
(SELECT o50.currency AS currency, sum(o50.amount_milli / 1000000000) AS high, sum(o50.amount_milli % 1000000000) AS low 
FROM opportunities AS o50 JOIN objective_tree45 ON o50.objective_id = objective_tree45.id 
WHERE o50.stage = 'CLOSED_WON' GROUP BY o50.currency)
 SELECT CASE WHEN i52.needs0 THEN json_object('$progress', 'progress', '$measure', w36.measure, '$target', CAST(w36.target_micros AS TEXT), '$revenue', CAST(w36.revenue_target_milli AS TEXT), '$currency', w36.revenue_target_currency, '$manual', CAST(w36.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s51.currency, json_array(s51.high, s51.low)) AS json_group_object_2 
FROM s51), '$locations', json('[{"line": 29, "column": 82}]')) ELSE json(plangraph_ratio(i52.done0, i52.goal)) END AS f0 
FROM (SELECT CASE WHEN (w36.measure = 'MANUAL') THEN plangraph_decimal(w36.manual_actual_micros) WHEN (w36.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a47 JOIN objective_tree45 ON a47.objective_id = objective_tree45.id 
WHERE a47.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w36.revenue_target_currency IS NULL AND won49.only != won49.last) THEN NULL WHEN (coalesce(w36.revenue_target_currency, won49.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won49.high, won49.low, coalesce(w36.revenue_target_currency, won49.only)) END END AS done0, w36.measure = 'WON_REVENUE' AND w36.revenue_target_currency IS NOT NULL AND won49."foreign" > 0 AS needs0, CASE WHEN (w36.measure = 'WON_REVENUE' AND w36.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w36.revenue_target_milli, w36.revenue_target_currency) ELSE plangraph_decimal(w36.target_micros) END AS goal 
FROM won49
 LIMIT ? OFFSET 0) AS i52)))) AS anon_2 
FROM (SELECT c35.id AS id, c35.name AS name, c35.status AS status, c35.period_id AS period_id, c35.plan_id AS plan_id, c35.parent_id AS parent_id, c35.account_id AS account_id, c35.contact_id AS contact_id, c35.target_micros AS target_micros, c35.unit AS unit, c35.revenue_target_milli AS revenue_target_milli, c35.revenue_target_currency AS revenue_target_currency, c35.measure AS measure, c35.manual_actual_micros AS manual_actual_micros, c35.created_at AS created_at 
FROM objectives AS c35 
WHERE c35.plan_id = p34.id AND c35.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c35.id ASC
 LIMIT ? OFFSET ?) AS w36) AS anon_1 
FROM business_plans AS p34 
WHERE p34.id IN (__[POSTCOMPILE_parents])

-- deferred list 1
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p53.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w56.id), 'name', w56.name, 'stage', w56.stage, 'amount', CASE WHEN (w56.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w56.amount_milli, w56.currency), 'currency', w56.currency) END))) AS anon_2 
FROM (SELECT c54.id AS id, c54.name AS name, c54.account_id AS account_id, c54.stage AS stage, c54.amount_milli AS amount_milli, c54.currency AS currency, c54.close_on AS close_on, c54.owner_id AS owner_id, c54.objective_id AS objective_id, c54.created_at AS created_at 
FROM plan_opportunities AS l55 JOIN opportunities AS c54 ON c54.id = l55.opportunity_id 
WHERE l55.plan_id = p53.id AND c54.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c54.id ASC
 LIMIT ? OFFSET ?) AS w56) AS anon_1 
FROM business_plans AS p53 
WHERE p53.id IN (__[POSTCOMPILE_parents])

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
 SELECT p57.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w59.id), 'subject', w59.subject, 'status', w59.status))) AS anon_2 
FROM (SELECT c58.id AS id, c58.type AS type, c58.subject AS subject, c58.status AS status, c58.due_at AS due_at, c58.owner_id AS owner_id, c58.account_id AS account_id, c58.contact_id AS contact_id, c58.plan_id AS plan_id, c58.objective_id AS objective_id, c58.opportunity_id AS opportunity_id, c58.follow_up_of_id AS follow_up_of_id, c58.created_at AS created_at 
FROM activities AS c58 
WHERE c58.plan_id = p57.id AND c58.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c58.id ASC
 LIMIT ? OFFSET ?) AS w59) AS anon_1 
FROM business_plans AS p57 
WHERE p57.id IN (__[POSTCOMPILE_parents])

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
 SELECT p31.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('BusinessPlan', w33.id), 'name', w33.name, 'status', w33.status, 'objectives', json_object('$deferred', 0, '$parent', w33.id), 'opportunities', json_object('$deferred', 1, '$parent', w33.id), 'activities', json_object('$deferred', 2, '$parent', w33.id)))) AS anon_2 
FROM (SELECT c32.id AS id, c32.name AS name, c32.type AS type, c32.period_id AS period_id, c32.owner_id AS owner_id, c32.status AS status, c32.description AS description, c32.currency AS currency, c32.revenue_target_milli AS revenue_target_milli, c32.parent_id AS parent_id, c32.version AS version, c32.copied_from_id AS copied_from_id, c32.created_at AS created_at, c32.updated_at AS updated_at 
FROM business_plans AS c32 
WHERE c32.parent_id = p31.id AND c32.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans) ORDER BY c32.id ASC
 LIMIT ? OFFSET ?) AS w33) AS anon_1 
FROM business_plans AS p31 
WHERE p31.id IN (__[POSTCOMPILE_parents])

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
 SELECT p82.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w84.id), 'subject', w84.subject, 'status', w84.status, 'type', w84.type))) AS anon_2 
FROM (SELECT c83.id AS id, c83.type AS type, c83.subject AS subject, c83.status AS status, c83.due_at AS due_at, c83.owner_id AS owner_id, c83.account_id AS account_id, c83.contact_id AS contact_id, c83.plan_id AS plan_id, c83.objective_id AS objective_id, c83.opportunity_id AS opportunity_id, c83.follow_up_of_id AS follow_up_of_id, c83.created_at AS created_at 
FROM activities AS c83 
WHERE c83.opportunity_id = p82.id AND c83.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c83.id ASC
 LIMIT ? OFFSET ?) AS w84) AS anon_1 
FROM opportunities AS p82 
WHERE p82.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p79.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w81.id), 'name', w81.name, 'stage', w81.stage, 'amount', CASE WHEN (w81.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w81.amount_milli, w81.currency), 'currency', w81.currency) END, 'activities', json_object('$deferred', 4, '$parent', w81.id)))) AS anon_2 
FROM (SELECT c80.id AS id, c80.name AS name, c80.account_id AS account_id, c80.stage AS stage, c80.amount_milli AS amount_milli, c80.currency AS currency, c80.close_on AS close_on, c80.owner_id AS owner_id, c80.objective_id AS objective_id, c80.created_at AS created_at 
FROM opportunities AS c80 
WHERE c80.objective_id = p79.id AND c80.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c80.id ASC
 LIMIT ? OFFSET ?) AS w81) AS anon_1 
FROM objectives AS p79 
WHERE p79.id IN (__[POSTCOMPILE_parents])

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
 SELECT p60.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w62.id), 'name', w62.name, 'target', plangraph_decimal(w62.target_micros), 'unit', w62.unit, 'measure', w62.measure, 'actual', (WITH RECURSIVE objective_tree63(id) AS 
(SELECT w62.id AS id UNION SELECT ob64.id AS id 
FROM objectives AS ob64 JOIN objective_tree63 ON ob64.parent_id = objective_tree63.id), 
won67 AS 
(SELECT min(o66.currency) AS only, max(o66.currency) AS last, coalesce(sum(o66.amount_milli / 1000000000), 0) AS high, coalesce(sum(o66.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o66.currency != w62.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o66 JOIN objective_tree63 ON o66.objective_id = objective_tree63.id 
WHERE o66.stage = 'CLOSED_WON' AND w62.measure = 'WON_REVENUE'), 
s69 AS 
(SELECT o68.currency AS currency, sum(o68.amount_milli / 1000000000) AS high, sum(o68.amount_milli % 1000000000) AS low 
FROM opportunities AS o68 JOIN objective_tree63 ON o68.objective_id = objective_tree63.id 
WHERE o68.stage = 'CLOSED_WON' GROUP BY o68.currency)
 SELECT CASE WHEN i70.needs0 THEN json_object('$progress', 'actual', '$measure', w62.measure, '$target', CAST(w62.target_micros AS TEXT), '$revenue', CAST(w62.revenue_target_milli AS TEXT), '$currency', w62.revenue_target_currency, '$manual', CAST(w62.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s69.currency, json_array(s69.high, s69.low)) AS json_group_object_1 
FROM s69), '$locations', json('[{"line": 36, "column": 43}]')) ELSE json_quote(i70.done0) END AS f0 
FROM (SELECT CASE WHEN (w62.measure = 'MANUAL') THEN plangraph_decimal(w62.manual_actual_micros) WHEN (w62.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a65 JOIN objective_tree63 ON a65.objective_id = objective_tree63.id 
WHERE a65.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w62.revenue_target_currency IS NULL AND won67.only != won67.last) THEN NULL WHEN (coalesce(w62.revenue_target_currency, won67.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won67.high, won67.low, coalesce(w62.revenue_target_currency, won67.only)) END END AS done0, w62.measure = 'WON_REVENUE' AND w62.revenue_target_currency IS NOT NULL AND won67."foreign" > 0 AS needs0 
FROM won67
 LIMIT ? OFFSET 0) AS i70), 'progress', (WITH RECURSIVE objective_tree71(id) AS 
(SELECT w62.id AS id UNION SELECT ob72.id AS id 
FROM objectives AS ob72 JOIN objective_tree71 ON ob72.parent_id = objective_tree71.id), 
won75 AS 
(SELECT min(o74.currency) AS only, max(o74.currency) AS last, coalesce(sum(o74.amount_milli / 1000000000), 0) AS high, coalesce(sum(o74.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o74.currency != w62.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o74 JOIN objective_tree71 ON o74.objective_id = objective_tree71.id 
WHERE o74.stage = 'CLOSED_WON' AND w62.measure = 'WON_REVENUE'), 
s77 AS 
(SELECT o76.currency AS currency, sum(o76.amount_milli / 1000000000) AS high, sum(o76.amount_milli % 1000000000) AS low 
FROM opportunities AS o76 JOIN objective_tree71 ON o76.objective_id = objective_tree71.id 
WHERE o76.stage = 'CLOSED_WON' GROUP BY o76.currency)
 SELECT CASE WHEN i78.needs0 THEN json_object('$progress', 'progress', '$measure', w62.measure, '$target', CAST(w62.target_micros AS TEXT), '$revenue', CAST(w62.revenue_target_milli AS TEXT), '$currency', w62.revenue_target_currency, '$manual', CAST(w62.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(s77.currency, json_array(s77.high, s77.low)) AS json_group_object_2 
FROM s77), '$locations', json('[{"line": 36, "column": 50}]')) ELSE json(plangraph_ratio(i78.done0, i78.goal)) END AS f0 
FROM (SELECT CASE WHEN (w62.measure = 'MANUAL') THEN plangraph_decimal(w62.manual_actual_micros) WHEN (w62.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a73 JOIN objective_tree71 ON a73.objective_id = objective_tree71.id 
WHERE a73.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w62.revenue_target_currency IS NULL AND won75.only != won75.last) THEN NULL WHEN (coalesce(w62.revenue_target_currency, won75.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won75.high, won75.low, coalesce(w62.revenue_target_currency, won75.only)) END END AS done0, w62.measure = 'WON_REVENUE' AND w62.revenue_target_currency IS NOT NULL AND won75."foreign" > 0 AS needs0, CASE WHEN (w62.measure = 'WON_REVENUE' AND w62.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w62.revenue_target_milli, w62.revenue_target_currency) ELSE plangraph_decimal(w62.target_micros) END AS goal 
FROM won75
 LIMIT ? OFFSET 0) AS i78), 'opportunities', json_object('$deferred', 5, '$parent', w62.id)))) AS anon_2 
FROM (SELECT c61.id AS id, c61.name AS name, c61.status AS status, c61.period_id AS period_id, c61.plan_id AS plan_id, c61.parent_id AS parent_id, c61.account_id AS account_id, c61.contact_id AS contact_id, c61.target_micros AS target_micros, c61.unit AS unit, c61.revenue_target_milli AS revenue_target_milli, c61.revenue_target_currency AS revenue_target_currency, c61.measure AS measure, c61.manual_actual_micros AS manual_actual_micros, c61.created_at AS created_at 
FROM objectives AS c61 
WHERE c61.plan_id = p60.id AND c61.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c61.id ASC
 LIMIT ? OFFSET ?) AS w62) AS anon_1 
FROM business_plans AS p60 
WHERE p60.id IN (__[POSTCOMPILE_parents])
