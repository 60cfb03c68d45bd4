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
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w10.id), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w10.revenue_target_milli, w10.currency), 'currency', w10.currency) END, 'wonRevenue', (WITH RECURSIVE tree58(id) AS 
(SELECT w10.id AS id UNION SELECT b59.id AS id 
FROM business_plans AS b59 JOIN tree58 ON b59.parent_id = tree58.id), 
sums62 AS 
(SELECT CASE WHEN (o61.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o61.currency AS currency, w10.currency AS plan_currency, sum(o61.amount_milli / 1000000000) AS high, sum(o61.amount_milli % 1000000000) AS low 
FROM opportunities AS o61 
WHERE o61.id IN (SELECT po60.opportunity_id 
FROM plan_opportunities AS po60 JOIN tree58 ON po60.plan_id = tree58.id) AND o61.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o61.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o61.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s63.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s63.high), 0), coalesce(sum(s63.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s63.currency, json_array(s63.high, s63.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 23, "column": 11}]')) END AS anon_2 
FROM (SELECT sums62.currency AS currency, sums62.high AS high, sums62.low AS low 
FROM sums62 
WHERE sums62.bucket = 'won') AS s63) AS f0), 'pipelineRevenue', (WITH RECURSIVE tree64(id) AS 
(SELECT w10.id AS id UNION SELECT b65.id AS id 
FROM business_plans AS b65 JOIN tree64 ON b65.parent_id = tree64.id), 
sums68 AS 
(SELECT CASE WHEN (o67.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o67.currency AS currency, w10.currency AS plan_currency, sum(o67.amount_milli / 1000000000) AS high, sum(o67.amount_milli % 1000000000) AS low 
FROM opportunities AS o67 
WHERE o67.id IN (SELECT po66.opportunity_id 
FROM plan_opportunities AS po66 JOIN tree64 ON po66.plan_id = tree64.id) AND (o67.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY CASE WHEN (o67.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o67.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s69.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s69.high), 0), coalesce(sum(s69.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s69.currency, json_array(s69.high, s69.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 24, "column": 11}]')) END AS anon_3 
FROM (SELECT sums68.currency AS currency, sums68.high AS high, sums68.low AS low 
FROM sums68 
WHERE sums68.bucket = 'open') AS s69) AS f0), 'revenueByCurrency', (WITH RECURSIVE tree70(id) AS 
(SELECT w10.id AS id UNION SELECT b71.id AS id 
FROM business_plans AS b71 JOIN tree70 ON b71.parent_id = tree70.id), 
sums74 AS 
(SELECT CASE WHEN (o73.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o73.currency AS currency, w10.currency AS plan_currency, sum(o73.amount_milli / 1000000000) AS high, sum(o73.amount_milli % 1000000000) AS low 
FROM opportunities AS o73 
WHERE o73.id IN (SELECT po72.opportunity_id 
FROM plan_opportunities AS po72 JOIN tree70 ON po72.plan_id = tree70.id) AND o73.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o73.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o73.currency)
 SELECT json_object('won', (SELECT json_group_array(json_object('amount', plangraph_amount_of_parts(c75.high, c75.low, c75.currency), 'currency', c75.currency)) AS json_group_array_1 
FROM (SELECT sums74.bucket AS bucket, sums74.currency AS currency, sums74.plan_currency AS plan_currency, sums74.high AS high, sums74.low AS low 
FROM sums74 
WHERE sums74.bucket = 'won' ORDER BY sums74.currency) AS c75), 'pipeline', (SELECT json_group_array(json_object('amount', plangraph_amount_of_parts(c76.high, c76.low, c76.currency), 'currency', c76.currency)) AS json_group_array_2 
FROM (SELECT sums74.bucket AS bucket, sums74.currency AS currency, sums74.plan_currency AS plan_currency, sums74.high AS high, sums74.low AS low 
FROM sums74 
WHERE sums74.bucket = 'open' ORDER BY sums74.currency) AS c76), 'missingRates', (SELECT json_group_array((m78.currency || '->') || m78.plan_currency) AS json_group_array_3 
FROM (SELECT DISTINCT sums74.currency AS currency, sums74.plan_currency AS plan_currency 
FROM sums74 
WHERE sums74.currency != sums74.plan_currency AND NOT (EXISTS (SELECT r77.base 
FROM exchange_rates AS r77 
WHERE r77.base = sums74.currency AND r77.quote = sums74.plan_currency OR r77.base = sums74.plan_currency AND r77.quote = sums74.currency)) ORDER BY sums74.currency) AS m78)) AS f0), 'subPlans', json_object('$deferred', 3, '$parent', w10.id), 'objectives', json_object('$deferred', 6, '$parent', w10.id))))) AS json_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC
 LIMIT ? OFFSET ?) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10), 'objectives', (WITH chosen81 AS 
(SELECT links80.id AS id, links80._via AS _via, links80._via_contact AS _via_contact 
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
WHERE ranked.pick = ? AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links80 
WHERE links80.id IN (SELECT visible_objectives.id 
FROM visible_objectives))
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen81), 'edges', json_group_array(json_object('via', CASE WHEN (w84._via = 1) THEN 'ACCOUNT' WHEN (w84._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t85.id)) AS json_object_7 
FROM contacts AS t85 
WHERE t85.id = w84._via_contact AND t85.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'actualForAccount', (WITH RECURSIVE objective_tree86(id) AS 
(SELECT w84.id AS id UNION SELECT ob87.id AS id 
FROM objectives AS ob87 JOIN objective_tree86 ON ob87.parent_id = objective_tree86.id), 
won90 AS 
(SELECT o89.currency AS currency, sum(o89.amount_milli / 1000000000) AS high, sum(o89.amount_milli % 1000000000) AS low 
FROM opportunities AS o89 
WHERE o89.objective_id IN (SELECT objective_tree86.id 
FROM objective_tree86) AND o89.stage = 'CLOSED_WON' AND (NOT (w84.account_id IS NULL AND w84.contact_id IS NULL) OR o89.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o89.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o89.currency)
 SELECT CASE WHEN i91.needs THEN json_object('$progress', 'actual', '$measure', w84.measure, '$target', CAST(w84.target_micros AS TEXT), '$revenue', CAST(w84.revenue_target_milli AS TEXT), '$currency', w84.revenue_target_currency, '$manual', CAST(w84.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(won90.currency, json_array(won90.high, won90.low)) AS json_group_object_1 
FROM won90), '$locations', json('[{"line": 50, "column": 37}]')) ELSE json_quote(i91.done) END AS f0 
FROM (SELECT CASE WHEN (w84.measure = 'MANUAL') THEN plangraph_decimal(w84.manual_actual_micros) WHEN (w84.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_3 
FROM activities AS a88 
WHERE a88.objective_id IN (SELECT objective_tree86.id 
FROM objective_tree86) AND a88.status = 'COMPLETED' AND (NOT (w84.account_id IS NULL AND w84.contact_id IS NULL) OR a88.account_id = t1.id OR a88.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w84.revenue_target_currency IS NULL AND (SELECT count(*) AS count_4 
FROM won90) > 1) THEN NULL WHEN (coalesce(w84.revenue_target_currency, (SELECT min(won90.currency) AS min_1 
FROM won90)) IS NULL) THEN '0' ELSE plangraph_amount_of_parts((SELECT coalesce(sum(won90.high), 0) AS coalesce_1 
FROM won90), (SELECT coalesce(sum(won90.low), 0) AS coalesce_2 
FROM won90), coalesce(w84.revenue_target_currency, (SELECT min(won90.currency) AS min_1 
FROM won90))) END END AS done, w84.measure = 'WON_REVENUE' AND w84.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_5 
FROM won90 
WHERE won90.currency != w84.revenue_target_currency) > 0 AS needs
 LIMIT ? OFFSET 0) AS i91), 'node', json_object('id', plangraph_global_id('Objective', w84.id), 'name', w84.name, 'isGlobal', json(CASE WHEN (w84.account_id IS NULL AND w84.contact_id IS NULL) THEN 'true' ELSE 'false' END), 'actual', (WITH RECURSIVE objective_tree92(id) AS 
(SELECT w84.id AS id UNION SELECT ob93.id AS id 
FROM objectives AS ob93 JOIN objective_tree92 ON ob93.parent_id = objective_tree92.id), 
won96 AS 
(SELECT o95.currency AS currency, sum(o95.amount_milli / 1000000000) AS high, sum(o95.amount_milli % 1000000000) AS low 
FROM opportunities AS o95 
WHERE o95.objective_id IN (SELECT objective_tree92.id 
FROM objective_tree92) AND o95.stage = 'CLOSED_WON' GROUP BY o95.currency)
 SELECT CASE WHEN i97.needs THEN json_object('$progress', 'actual', '$measure', w84.measure, '$target', CAST(w84.target_micros AS TEXT), '$revenue', CAST(w84.revenue_target_milli AS TEXT), '$currency', w84.revenue_target_currency, '$manual', CAST(w84.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(won96.currency, json_array(won96.high, won96.low)) AS json_group_object_2 
FROM won96), '$locations', json('[{"line": 50, "column": 78}]')) ELSE json_quote(i97.done) END AS f0 
FROM (SELECT CASE WHEN (w84.measure = 'MANUAL') THEN plangraph_decimal(w84.manual_actual_micros) WHEN (w84.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_6 
FROM activities AS a94 
WHERE a94.objective_id IN (SELECT objective_tree92.id 
FROM objective_tree92) AND a94.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w84.revenue_target_currency IS NULL AND (SELECT count(*) AS count_7 
FROM won96) > 1) THEN NULL WHEN (coalesce(w84.revenue_target_currency, (SELECT min(won96.currency) AS min_2 
FROM won96)) IS NULL) THEN '0' ELSE plangraph_amount_of_parts((SELECT coalesce(sum(won96.high), 0) AS coalesce_3 
FROM won96), (SELECT coalesce(sum(won96.low), 0) AS coalesce_4 
FROM won96), coalesce(w84.revenue_target_currency, (SELECT min(won96.currency) AS min_2 
FROM won96))) END END AS done, w84.measure = 'WON_REVENUE' AND w84.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_8 
FROM won96 
WHERE won96.currency != w84.revenue_target_currency) > 0 AS needs
 LIMIT ? OFFSET 0) AS i97))))) AS json_object_6 
FROM (SELECT c82.id AS id, c82.name AS name, c82.status AS status, c82.period_id AS period_id, c82.plan_id AS plan_id, c82.parent_id AS parent_id, c82.account_id AS account_id, c82.contact_id AS contact_id, c82.target_micros AS target_micros, c82.unit AS unit, c82.revenue_target_milli AS revenue_target_milli, c82.revenue_target_currency AS revenue_target_currency, c82.measure AS measure, c82.manual_actual_micros AS manual_actual_micros, c82.created_at AS created_at, head83._via AS _via, head83._via_contact AS _via_contact 
FROM (SELECT chosen81.id AS id, chosen81._via AS _via, chosen81._via_contact AS _via_contact 
FROM chosen81 ORDER BY chosen81.id ASC
 LIMIT ? OFFSET ?) AS head83 JOIN objectives AS c82 ON c82.id = head83.id ORDER BY head83.id ASC) AS w84), 'opportunities', (WITH chosen100 AS 
(SELECT links99.id AS id, links99._via AS _via, links99._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_5) AS links99 
WHERE links99.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_9 
FROM chosen100), 'edges', json_group_array(json_object('via', CASE WHEN (w103._via = 1) THEN 'ACCOUNT' WHEN (w103._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w103.id), 'name', w103.name, 'stage', w103.stage)))) AS json_object_8 
FROM (SELECT c101.id AS id, c101.name AS name, c101.account_id AS account_id, c101.stage AS stage, c101.amount_milli AS amount_milli, c101.currency AS currency, c101.close_on AS close_on, c101.owner_id AS owner_id, c101.objective_id AS objective_id, c101.created_at AS created_at, head102._via AS _via, head102._via_contact AS _via_contact 
FROM (SELECT chosen100.id AS id, chosen100._via AS _via, chosen100._via_contact AS _via_contact 
FROM chosen100 ORDER BY chosen100.id ASC
 LIMIT ? OFFSET ?) AS head102 JOIN opportunities AS c101 ON c101.id = head102.id ORDER BY head102.id ASC) AS w103), 'activities', (WITH chosen106 AS 
(SELECT links105.id AS id, links105._via AS _via, links105._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_6) AS links105 
WHERE links105.id IN (SELECT visible_activities.id 
FROM visible_activities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_10 
FROM chosen106), 'edges', json_group_array(json_object('via', CASE WHEN (w109._via = 1) THEN 'ACCOUNT' WHEN (w109._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w109.id), 'subject', w109.subject, 'status', w109.status)))) AS json_object_9 
FROM (SELECT c107.id AS id, c107.type AS type, c107.subject AS subject, c107.status AS status, c107.due_at AS due_at, c107.owner_id AS owner_id, c107.account_id AS account_id, c107.contact_id AS contact_id, c107.plan_id AS plan_id, c107.objective_id AS objective_id, c107.opportunity_id AS opportunity_id, c107.follow_up_of_id AS follow_up_of_id, c107.created_at AS created_at, head108._via AS _via, head108._via_contact AS _via_contact 
FROM (SELECT chosen106.id AS id, chosen106._via AS _via, chosen106._via_contact AS _via_contact 
FROM chosen106 ORDER BY chosen106.id ASC
 LIMIT ? OFFSET ?) AS head108 JOIN activities AS c107 ON c107.id = head108.id ORDER BY head108.id ASC) AS w109)) AS json_object_2 
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
(SELECT o21.currency AS currency, sum(o21.amount_milli / 1000000000) AS high, sum(o21.amount_milli % 1000000000) AS low 
FROM opportunities AS o21 
WHERE o21.objective_id IN (SELECT objective_tree18.id 
FROM objective_tree18) AND o21.stage = 'CLOSED_WON' GROUP BY o21.currency)
 SELECT CASE WHEN i23.needs THEN json_object('$progress', 'actual', '$measure', w17.measure, '$target', CAST(w17.target_micros AS TEXT), '$revenue', CAST(w17.revenue_target_milli AS TEXT), '$currency', w17.revenue_target_currency, '$manual', CAST(w17.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(won22.currency, json_array(won22.high, won22.low)) AS json_group_object_1 
FROM won22), '$locations', json('[{"line": 29, "column": 75}]')) ELSE json_quote(i23.done) END AS f0 
FROM (SELECT CASE WHEN (w17.measure = 'MANUAL') THEN plangraph_decimal(w17.manual_actual_micros) WHEN (w17.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a20 
WHERE a20.objective_id IN (SELECT objective_tree18.id 
FROM objective_tree18) AND a20.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w17.revenue_target_currency IS NULL AND (SELECT count(*) AS count_2 
FROM won22) > 1) THEN NULL WHEN (coalesce(w17.revenue_target_currency, (SELECT min(won22.currency) AS min_1 
FROM won22)) IS NULL) THEN '0' ELSE plangraph_amount_of_parts((SELECT coalesce(sum(won22.high), 0) AS coalesce_1 
FROM won22), (SELECT coalesce(sum(won22.low), 0) AS coalesce_2 
FROM won22), coalesce(w17.revenue_target_currency, (SELECT min(won22.currency) AS min_1 
FROM won22))) END END AS done, w17.measure = 'WON_REVENUE' AND w17.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_3 
FROM won22 
WHERE won22.currency != w17.revenue_target_currency) > 0 AS needs
 LIMIT ? OFFSET 0) AS i23), 'progress', (WITH RECURSIVE objective_tree24(id) AS 
(SELECT w17.id AS id UNION SELECT ob25.id AS id 
FROM objectives AS ob25 JOIN objective_tree24 ON ob25.parent_id = objective_tree24.id), 
won28 AS 
(SELECT o27.currency AS currency, sum(o27.amount_milli / 1000000000) AS high, sum(o27.amount_milli % 1000000000) AS low 
FROM opportunities AS o27 
WHERE o27.objective_id IN (SELECT objective_tree24.id 
FROM objective_tree24) AND o27.stage = 'CLOSED_WON' GROUP BY o27.currency)
 SELECT CASE WHEN i29.needs THEN json_object('$progress', 'progress', '$measure', w17.measure, '$target', CAST(w17.target_micros AS TEXT), '$revenue', CAST(w17.revenue_target_milli AS TEXT), '$currency', w17.revenue_target_currency, '$manual', CAST(w17.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(won28.currency, json_array(won28.high, won28.low)) AS json_group_object_2 
FROM won28), '$locations', json('[{"line": 29, "column": 82}]')) ELSE json(plangraph_ratio(i29.done, CASE WHEN (w17.measure = 'WON_REVENUE' AND w17.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w17.revenue_target_milli, w17.revenue_target_currency) ELSE plangraph_decimal(w17.target_micros) END)) END AS f0 
FROM (SELECT CASE WHEN (w17.measure = 'MANUAL') THEN plangraph_decimal(w17.manual_actual_micros) WHEN (w17.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_4 
FROM activities AS a26 
WHERE a26.objective_id IN (SELECT objective_tree24.id 
FROM objective_tree24) AND a26.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w17.revenue_target_currency IS NULL AND (SELECT count(*) AS count_5 
FROM won28) > 1) THEN NULL WHEN (coalesce(w17.revenue_target_currency, (SELECT min(won28.currency) AS min_2 
FROM won28)) IS NULL) THEN '0' ELSE plangraph_amount_of_parts((SELECT coalesce(sum(won28.high), 0) AS coalesce_3 
FROM won28), (SELECT coalesce(sum(won28.low), 0) AS coalesce_4 
FROM won28), coalesce(w17.revenue_target_currency, (SELECT min(won28.currency) AS min_2 
FROM won28))) END END AS done, w17.measure = 'WON_REVENUE' AND w17.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_6 
FROM won28 
WHERE won28.currency != w17.revenue_target_currency) > 0 AS needs
 LIMIT ? OFFSET 0) AS i29)))) AS json_object_1 
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
 SELECT p30.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w33.id), 'name', w33.name, 'stage', w33.stage, 'amount', CASE WHEN (w33.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w33.amount_milli, w33.currency), 'currency', w33.currency) END))) AS json_object_1 
FROM (SELECT c31.id AS id, c31.name AS name, c31.account_id AS account_id, c31.stage AS stage, c31.amount_milli AS amount_milli, c31.currency AS currency, c31.close_on AS close_on, c31.owner_id AS owner_id, c31.objective_id AS objective_id, c31.created_at AS created_at 
FROM plan_opportunities AS l32 JOIN opportunities AS c31 ON c31.id = l32.opportunity_id 
WHERE l32.plan_id = p30.id AND c31.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c31.id ASC
 LIMIT ? OFFSET ?) AS w33) AS anon_1 
FROM business_plans AS p30 
WHERE p30.id IN (__[POSTCOMPILE_parents])

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
 SELECT p34.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w36.id), 'subject', w36.subject, 'status', w36.status))) AS json_object_1 
FROM (SELECT c35.id AS id, c35.type AS type, c35.subject AS subject, c35.status AS status, c35.due_at AS due_at, c35.owner_id AS owner_id, c35.account_id AS account_id, c35.contact_id AS contact_id, c35.plan_id AS plan_id, c35.objective_id AS objective_id, c35.opportunity_id AS opportunity_id, c35.follow_up_of_id AS follow_up_of_id, c35.created_at AS created_at 
FROM activities AS c35 
WHERE c35.plan_id = p34.id AND c35.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c35.id ASC
 LIMIT ? OFFSET ?) AS w36) AS anon_1 
FROM business_plans AS p34 
WHERE p34.id IN (__[POSTCOMPILE_parents])

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
 SELECT p43.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w45.id), 'subject', w45.subject, 'status', w45.status, 'type', w45.type))) AS json_object_1 
FROM (SELECT c44.id AS id, c44.type AS type, c44.subject AS subject, c44.status AS status, c44.due_at AS due_at, c44.owner_id AS owner_id, c44.account_id AS account_id, c44.contact_id AS contact_id, c44.plan_id AS plan_id, c44.objective_id AS objective_id, c44.opportunity_id AS opportunity_id, c44.follow_up_of_id AS follow_up_of_id, c44.created_at AS created_at 
FROM activities AS c44 
WHERE c44.opportunity_id = p43.id AND c44.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c44.id ASC
 LIMIT ? OFFSET ?) AS w45) AS anon_1 
FROM opportunities AS p43 
WHERE p43.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p40.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w42.id), 'name', w42.name, 'stage', w42.stage, 'amount', CASE WHEN (w42.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w42.amount_milli, w42.currency), 'currency', w42.currency) END, 'activities', json_object('$deferred', 4, '$parent', w42.id)))) AS json_object_1 
FROM (SELECT c41.id AS id, c41.name AS name, c41.account_id AS account_id, c41.stage AS stage, c41.amount_milli AS amount_milli, c41.currency AS currency, c41.close_on AS close_on, c41.owner_id AS owner_id, c41.objective_id AS objective_id, c41.created_at AS created_at 
FROM opportunities AS c41 
WHERE c41.objective_id = p40.id AND c41.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c41.id ASC
 LIMIT ? OFFSET ?) AS w42) AS anon_1 
FROM objectives AS p40 
WHERE p40.id IN (__[POSTCOMPILE_parents])

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
 SELECT p37.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w39.id), 'name', w39.name, 'target', plangraph_decimal(w39.target_micros), 'unit', w39.unit, 'measure', w39.measure, 'actual', (WITH RECURSIVE objective_tree46(id) AS 
(SELECT w39.id AS id UNION SELECT ob47.id AS id 
FROM objectives AS ob47 JOIN objective_tree46 ON ob47.parent_id = objective_tree46.id), 
won50 AS 
(SELECT o49.currency AS currency, sum(o49.amount_milli / 1000000000) AS high, sum(o49.amount_milli % 1000000000) AS low 
FROM opportunities AS o49 
WHERE o49.objective_id IN (SELECT objective_tree46.id 
FROM objective_tree46) AND o49.stage = 'CLOSED_WON' GROUP BY o49.currency)
 SELECT CASE WHEN i51.needs THEN json_object('$progress', 'actual', '$measure', w39.measure, '$target', CAST(w39.target_micros AS TEXT), '$revenue', CAST(w39.revenue_target_milli AS TEXT), '$currency', w39.revenue_target_currency, '$manual', CAST(w39.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(won50.currency, json_array(won50.high, won50.low)) AS json_group_object_1 
FROM won50), '$locations', json('[{"line": 36, "column": 43}]')) ELSE json_quote(i51.done) END AS f0 
FROM (SELECT CASE WHEN (w39.measure = 'MANUAL') THEN plangraph_decimal(w39.manual_actual_micros) WHEN (w39.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_1 
FROM activities AS a48 
WHERE a48.objective_id IN (SELECT objective_tree46.id 
FROM objective_tree46) AND a48.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w39.revenue_target_currency IS NULL AND (SELECT count(*) AS count_2 
FROM won50) > 1) THEN NULL WHEN (coalesce(w39.revenue_target_currency, (SELECT min(won50.currency) AS min_1 
FROM won50)) IS NULL) THEN '0' ELSE plangraph_amount_of_parts((SELECT coalesce(sum(won50.high), 0) AS coalesce_1 
FROM won50), (SELECT coalesce(sum(won50.low), 0) AS coalesce_2 
FROM won50), coalesce(w39.revenue_target_currency, (SELECT min(won50.currency) AS min_1 
FROM won50))) END END AS done, w39.measure = 'WON_REVENUE' AND w39.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_3 
FROM won50 
WHERE won50.currency != w39.revenue_target_currency) > 0 AS needs
 LIMIT ? OFFSET 0) AS i51), 'progress', (WITH RECURSIVE objective_tree52(id) AS 
(SELECT w39.id AS id UNION SELECT ob53.id AS id 
FROM objectives AS ob53 JOIN objective_tree52 ON ob53.parent_id = objective_tree52.id), 
won56 AS 
(SELECT o55.currency AS currency, sum(o55.amount_milli / 1000000000) AS high, sum(o55.amount_milli % 1000000000) AS low 
FROM opportunities AS o55 
WHERE o55.objective_id IN (SELECT objective_tree52.id 
FROM objective_tree52) AND o55.stage = 'CLOSED_WON' GROUP BY o55.currency)
 SELECT CASE WHEN i57.needs THEN json_object('$progress', 'progress', '$measure', w39.measure, '$target', CAST(w39.target_micros AS TEXT), '$revenue', CAST(w39.revenue_target_milli AS TEXT), '$currency', w39.revenue_target_currency, '$manual', CAST(w39.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_group_object(won56.currency, json_array(won56.high, won56.low)) AS json_group_object_2 
FROM won56), '$locations', json('[{"line": 36, "column": 50}]')) ELSE json(plangraph_ratio(i57.done, CASE WHEN (w39.measure = 'WON_REVENUE' AND w39.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w39.revenue_target_milli, w39.revenue_target_currency) ELSE plangraph_decimal(w39.target_micros) END)) END AS f0 
FROM (SELECT CASE WHEN (w39.measure = 'MANUAL') THEN plangraph_decimal(w39.manual_actual_micros) WHEN (w39.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_4 
FROM activities AS a54 
WHERE a54.objective_id IN (SELECT objective_tree52.id 
FROM objective_tree52) AND a54.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w39.revenue_target_currency IS NULL AND (SELECT count(*) AS count_5 
FROM won56) > 1) THEN NULL WHEN (coalesce(w39.revenue_target_currency, (SELECT min(won56.currency) AS min_2 
FROM won56)) IS NULL) THEN '0' ELSE plangraph_amount_of_parts((SELECT coalesce(sum(won56.high), 0) AS coalesce_3 
FROM won56), (SELECT coalesce(sum(won56.low), 0) AS coalesce_4 
FROM won56), coalesce(w39.revenue_target_currency, (SELECT min(won56.currency) AS min_2 
FROM won56))) END END AS done, w39.measure = 'WON_REVENUE' AND w39.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_6 
FROM won56 
WHERE won56.currency != w39.revenue_target_currency) > 0 AS needs
 LIMIT ? OFFSET 0) AS i57), 'opportunities', json_object('$deferred', 5, '$parent', w39.id)))) AS json_object_1 
FROM (SELECT c38.id AS id, c38.name AS name, c38.status AS status, c38.period_id AS period_id, c38.plan_id AS plan_id, c38.parent_id AS parent_id, c38.account_id AS account_id, c38.contact_id AS contact_id, c38.target_micros AS target_micros, c38.unit AS unit, c38.revenue_target_milli AS revenue_target_milli, c38.revenue_target_currency AS revenue_target_currency, c38.measure AS measure, c38.manual_actual_micros AS manual_actual_micros, c38.created_at AS created_at 
FROM objectives AS c38 
WHERE c38.plan_id = p37.id AND c38.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c38.id ASC
 LIMIT ? OFFSET ?) AS w39) AS anon_1 
FROM business_plans AS p37 
WHERE p37.id IN (__[POSTCOMPILE_parents])
