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
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w12.id), 'name', w12.name, 'status', w12.status, 'revenueTarget', CASE WHEN (w12.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w12.revenue_target_milli, w12.currency), 'currency', w12.currency) END, 'wonRevenue', (WITH RECURSIVE tree1000001(id) AS 
(SELECT w12.id AS id UNION SELECT b1000002.id AS id 
FROM business_plans AS b1000002 JOIN tree1000001 ON b1000002.parent_id = tree1000001.id), 
sums1000005 AS 
(SELECT CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o1000004.currency AS currency, w12.currency AS plan_currency, sum(o1000004.amount_milli / 1000000000) AS high, sum(o1000004.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000004 
WHERE o1000004.id IN (SELECT po1000003.opportunity_id 
FROM plan_opportunities AS po1000003 JOIN tree1000001 ON po1000003.plan_id = tree1000001.id) AND o1000004.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o1000004.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s1000006.currency != w12.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s1000006.high), 0), coalesce(sum(s1000006.low), 0), w12.currency), 'currency', w12.currency) ELSE json_object('$rollup', json_group_object(s1000006.currency, json_array(s1000006.high, s1000006.low)), '$currency', w12.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 23, "column": 11}]')) END AS anon_1 
FROM (SELECT sums1000005.currency AS currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 
WHERE sums1000005.bucket = 'won') AS s1000006) AS f0), 'pipelineRevenue', (WITH RECURSIVE tree1000001(id) AS 
(SELECT w12.id AS id UNION SELECT b1000002.id AS id 
FROM business_plans AS b1000002 JOIN tree1000001 ON b1000002.parent_id = tree1000001.id), 
sums1000005 AS 
(SELECT CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o1000004.currency AS currency, w12.currency AS plan_currency, sum(o1000004.amount_milli / 1000000000) AS high, sum(o1000004.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000004 
WHERE o1000004.id IN (SELECT po1000003.opportunity_id 
FROM plan_opportunities AS po1000003 JOIN tree1000001 ON po1000003.plan_id = tree1000001.id) AND (o1000004.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o1000004.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s1000006.currency != w12.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s1000006.high), 0), coalesce(sum(s1000006.low), 0), w12.currency), 'currency', w12.currency) ELSE json_object('$rollup', json_group_object(s1000006.currency, json_array(s1000006.high, s1000006.low)), '$currency', w12.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 24, "column": 11}]')) END AS anon_1 
FROM (SELECT sums1000005.currency AS currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 
WHERE sums1000005.bucket = 'open') AS s1000006) AS f0), 'revenueByCurrency', (WITH RECURSIVE tree1000001(id) AS 
(SELECT w12.id AS id UNION SELECT b1000002.id AS id 
FROM business_plans AS b1000002 JOIN tree1000001 ON b1000002.parent_id = tree1000001.id), 
sums1000005 AS 
(SELECT CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o1000004.currency AS currency, w12.currency AS plan_currency, sum(o1000004.amount_milli / 1000000000) AS high, sum(o1000004.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000004 
WHERE o1000004.id IN (SELECT po1000003.opportunity_id 
FROM plan_opportunities AS po1000003 JOIN tree1000001 ON po1000003.plan_id = tree1000001.id) AND o1000004.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o1000004.currency)
 SELECT (SELECT json_object('won', (json_group_array(json_object('amount', plangraph_amount_of_parts(c1000006.high, c1000006.low, c1000006.currency), 'currency', c1000006.currency)) FILTER (WHERE c1000006.bucket = 'won')), 'pipeline', (json_group_array(json_object('amount', plangraph_amount_of_parts(c1000006.high, c1000006.low, c1000006.currency), 'currency', c1000006.currency)) FILTER (WHERE c1000006.bucket = 'open')), 'missingRates', (json_group_array(DISTINCT ((c1000006.currency || '->') || c1000006.plan_currency)) FILTER (WHERE c1000006.currency != c1000006.plan_currency AND NOT (EXISTS (SELECT r1000007.base 
FROM exchange_rates AS r1000007 
WHERE r1000007.base = c1000006.currency AND r1000007.quote = c1000006.plan_currency OR r1000007.base = c1000006.plan_currency AND r1000007.quote = c1000006.currency))))) AS anon_1 
FROM (SELECT sums1000005.bucket AS bucket, sums1000005.currency AS currency, sums1000005.plan_currency AS plan_currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 ORDER BY sums1000005.currency) AS c1000006) AS f0), 'subPlans', json_object('$deferred', 3, '$parent', w12.id), 'objectives', json_object('$deferred', 6, '$parent', w12.id))))) AS anon_5 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head11._via AS _via, head11._via_contact AS _via_contact 
FROM (SELECT roots10.id AS id, roots10._via AS _via, roots10._via_contact AS _via_contact, roots10.parent_id AS parent_id 
FROM roots10 ORDER BY roots10.id ASC
 LIMIT ? OFFSET ?) AS head11 JOIN business_plans AS c7 ON c7.id = head11.id ORDER BY head11.id ASC) AS w12), 'objectives', (WITH chosen37 AS 
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
FROM chosen37), 'edges', json_group_array(json_object('via', CASE WHEN (w40._via = 1) THEN 'ACCOUNT' WHEN (w40._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t41.id)) AS anon_8 
FROM contacts AS t41 
WHERE t41.id = w40._via_contact AND t41.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'actualForAccount', (WITH won1000002 AS 
(SELECT coalesce(sum(t1000001.done_activities), 0) AS done, min(t1000001.won_min_currency) AS only, max(t1000001.won_max_currency) AS last, coalesce(sum(t1000001.won_high), 0) AS high, coalesce(sum(t1000001.won_low), 0) AS low, max(t1000001.won_by_currency) AS currencies 
FROM objective_account_totals AS t1000001 
WHERE t1000001.objective_id = w40.id AND t1000001.account_id = t1.id AND w40.account_id IS NULL AND w40.contact_id IS NULL)
 SELECT CASE WHEN CASE WHEN (w40.account_id IS NULL AND w40.contact_id IS NULL) THEN i1000003.needs1 ELSE i1000003.needs0 END THEN json_object('$progress', 'actual', '$measure', w40.measure, '$target', CAST(w40.target_micros AS TEXT), '$revenue', CAST(w40.revenue_target_milli AS TEXT), '$currency', w40.revenue_target_currency, '$manual', CAST(w40.manual_actual_micros AS TEXT), '$completed', 0, '$won', json(CASE WHEN (w40.account_id IS NULL AND w40.contact_id IS NULL) THEN i1000003.won1 ELSE w40.won_by_currency END), '$locations', json('[{"line": 50, "column": 37}]')) ELSE json_quote(CASE WHEN (w40.account_id IS NULL AND w40.contact_id IS NULL) THEN i1000003.done1 ELSE i1000003.done0 END) END AS f0 
FROM (SELECT CASE WHEN (w40.measure = 'MANUAL') THEN plangraph_decimal(w40.manual_actual_micros) WHEN (w40.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w40.done_activities AS TEXT) ELSE CASE WHEN (w40.revenue_target_currency IS NULL AND w40.won_min_currency != w40.won_max_currency) THEN NULL WHEN (coalesce(w40.revenue_target_currency, w40.won_min_currency) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(w40.won_high, w40.won_low, coalesce(w40.revenue_target_currency, w40.won_min_currency)) END END AS done0, w40.measure = 'WON_REVENUE' AND w40.revenue_target_currency IS NOT NULL AND (w40.won_min_currency != w40.revenue_target_currency OR w40.won_max_currency != w40.revenue_target_currency) AS needs0, won1000002.currencies AS won1, CASE WHEN (w40.account_id IS NULL AND w40.contact_id IS NULL) THEN CASE WHEN (w40.measure = 'MANUAL') THEN plangraph_decimal(w40.manual_actual_micros) WHEN (w40.measure = 'COMPLETED_ACTIVITIES') THEN CAST(won1000002.done AS TEXT) ELSE CASE WHEN (w40.revenue_target_currency IS NULL AND won1000002.only != won1000002.last) THEN NULL WHEN (coalesce(w40.revenue_target_currency, won1000002.only) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(won1000002.high, won1000002.low, coalesce(w40.revenue_target_currency, won1000002.only)) END END ELSE NULL END AS done1, CASE WHEN (w40.account_id IS NULL AND w40.contact_id IS NULL) THEN w40.measure = 'WON_REVENUE' AND w40.revenue_target_currency IS NOT NULL AND (won1000002.only != w40.revenue_target_currency OR won1000002.last != w40.revenue_target_currency) ELSE 0 END AS needs1 
FROM won1000002
 LIMIT -1 OFFSET 0) AS i1000003), 'node', json_object('id', plangraph_global_id('Objective', w40.id), 'name', w40.name, 'isGlobal', json(CASE WHEN (w40.account_id IS NULL AND w40.contact_id IS NULL) THEN 'true' ELSE 'false' END), 'actual', (SELECT CASE WHEN i1000001.needs0 THEN json_object('$progress', 'actual', '$measure', w40.measure, '$target', CAST(w40.target_micros AS TEXT), '$revenue', CAST(w40.revenue_target_milli AS TEXT), '$currency', w40.revenue_target_currency, '$manual', CAST(w40.manual_actual_micros AS TEXT), '$completed', 0, '$won', json(w40.won_by_currency), '$locations', json('[{"line": 50, "column": 78}]')) ELSE json_quote(i1000001.done0) END AS f0 
FROM (SELECT CASE WHEN (w40.measure = 'MANUAL') THEN plangraph_decimal(w40.manual_actual_micros) WHEN (w40.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w40.done_activities AS TEXT) ELSE CASE WHEN (w40.revenue_target_currency IS NULL AND w40.won_min_currency != w40.won_max_currency) THEN NULL WHEN (coalesce(w40.revenue_target_currency, w40.won_min_currency) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(w40.won_high, w40.won_low, coalesce(w40.revenue_target_currency, w40.won_min_currency)) END END AS done0, w40.measure = 'WON_REVENUE' AND w40.revenue_target_currency IS NOT NULL AND (w40.won_min_currency != w40.revenue_target_currency OR w40.won_max_currency != w40.revenue_target_currency) AS needs0
 LIMIT -1 OFFSET 0) AS i1000001))))) AS anon_7 
FROM (SELECT c38.id AS id, c38.name AS name, c38.status AS status, c38.period_id AS period_id, c38.plan_id AS plan_id, c38.parent_id AS parent_id, c38.account_id AS account_id, c38.contact_id AS contact_id, c38.target_micros AS target_micros, c38.unit AS unit, c38.revenue_target_milli AS revenue_target_milli, c38.revenue_target_currency AS revenue_target_currency, c38.measure AS measure, c38.manual_actual_micros AS manual_actual_micros, c38.done_activities AS done_activities, c38.won_min_currency AS won_min_currency, c38.won_max_currency AS won_max_currency, c38.won_high AS won_high, c38.won_low AS won_low, c38.won_by_currency AS won_by_currency, c38.in_global_tree AS in_global_tree, c38.created_at AS created_at, head39._via AS _via, head39._via_contact AS _via_contact 
FROM (SELECT chosen37.id AS id, chosen37._via AS _via, chosen37._via_contact AS _via_contact 
FROM chosen37 ORDER BY chosen37.id ASC
 LIMIT ? OFFSET ?) AS head39 JOIN objectives AS c38 ON c38.id = head39.id ORDER BY head39.id ASC) AS w40), 'opportunities', (WITH chosen44 AS 
(SELECT links43.id AS id, links43._via AS _via, links43._via_contact AS _via_contact 
FROM (SELECT anon_9.item AS id, anon_9.prio AS _via, anon_9.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_9) AS links43 
WHERE links43.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen44), 'edges', json_group_array(json_object('via', CASE WHEN (w47._via = 1) THEN 'ACCOUNT' WHEN (w47._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w47.id), 'name', w47.name, 'stage', w47.stage)))) AS anon_10 
FROM (SELECT c45.id AS id, c45.name AS name, c45.account_id AS account_id, c45.stage AS stage, c45.amount_milli AS amount_milli, c45.currency AS currency, c45.close_on AS close_on, c45.owner_id AS owner_id, c45.objective_id AS objective_id, c45.created_at AS created_at, head46._via AS _via, head46._via_contact AS _via_contact 
FROM (SELECT chosen44.id AS id, chosen44._via AS _via, chosen44._via_contact AS _via_contact 
FROM chosen44 ORDER BY chosen44.id ASC
 LIMIT ? OFFSET ?) AS head46 JOIN opportunities AS c45 ON head46.id = c45.id ORDER BY head46.id ASC) AS w47), 'activities', (WITH chosen49 AS 
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
FROM chosen49), 'edges', json_group_array(json_object('via', CASE WHEN (w52._via = 1) THEN 'ACCOUNT' WHEN (w52._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w52.id), 'subject', w52.subject, 'status', w52.status)))) AS anon_11 
FROM (SELECT c50.id AS id, c50.type AS type, c50.subject AS subject, c50.status AS status, c50.due_at AS due_at, c50.owner_id AS owner_id, c50.account_id AS account_id, c50.contact_id AS contact_id, c50.plan_id AS plan_id, c50.objective_id AS objective_id, c50.opportunity_id AS opportunity_id, c50.follow_up_of_id AS follow_up_of_id, c50.created_at AS created_at, head51._via AS _via, head51._via_contact AS _via_contact 
FROM (SELECT chosen49.id AS id, chosen49._via AS _via, chosen49._via_contact AS _via_contact 
FROM chosen49 ORDER BY chosen49.id ASC
 LIMIT ? OFFSET ?) AS head51 JOIN activities AS c50 ON c50.id = head51.id ORDER BY head51.id ASC) AS w52)) AS anon_2 
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
 SELECT p17.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w19.id), 'name', w19.name, 'target', plangraph_decimal(w19.target_micros), 'unit', w19.unit, 'measure', w19.measure, 'actual', (SELECT CASE WHEN i1000001.needs0 THEN json_object('$progress', 'actual', '$measure', w19.measure, '$target', CAST(w19.target_micros AS TEXT), '$revenue', CAST(w19.revenue_target_milli AS TEXT), '$currency', w19.revenue_target_currency, '$manual', CAST(w19.manual_actual_micros AS TEXT), '$completed', 0, '$won', json(w19.won_by_currency), '$locations', json('[{"line": 29, "column": 75}]')) ELSE json_quote(i1000001.done0) END AS f0 
FROM (SELECT CASE WHEN (w19.measure = 'MANUAL') THEN plangraph_decimal(w19.manual_actual_micros) WHEN (w19.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w19.done_activities AS TEXT) ELSE CASE WHEN (w19.revenue_target_currency IS NULL AND w19.won_min_currency != w19.won_max_currency) THEN NULL WHEN (coalesce(w19.revenue_target_currency, w19.won_min_currency) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(w19.won_high, w19.won_low, coalesce(w19.revenue_target_currency, w19.won_min_currency)) END END AS done0, w19.measure = 'WON_REVENUE' AND w19.revenue_target_currency IS NOT NULL AND (w19.won_min_currency != w19.revenue_target_currency OR w19.won_max_currency != w19.revenue_target_currency) AS needs0
 LIMIT -1 OFFSET 0) AS i1000001), 'progress', (SELECT CASE WHEN i1000001.needs0 THEN json_object('$progress', 'progress', '$measure', w19.measure, '$target', CAST(w19.target_micros AS TEXT), '$revenue', CAST(w19.revenue_target_milli AS TEXT), '$currency', w19.revenue_target_currency, '$manual', CAST(w19.manual_actual_micros AS TEXT), '$completed', 0, '$won', json(w19.won_by_currency), '$locations', json('[{"line": 29, "column": 82}]')) ELSE json(plangraph_ratio(i1000001.done0, i1000001.goal)) END AS f0 
FROM (SELECT CASE WHEN (w19.measure = 'MANUAL') THEN plangraph_decimal(w19.manual_actual_micros) WHEN (w19.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w19.done_activities AS TEXT) ELSE CASE WHEN (w19.revenue_target_currency IS NULL AND w19.won_min_currency != w19.won_max_currency) THEN NULL WHEN (coalesce(w19.revenue_target_currency, w19.won_min_currency) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(w19.won_high, w19.won_low, coalesce(w19.revenue_target_currency, w19.won_min_currency)) END END AS done0, w19.measure = 'WON_REVENUE' AND w19.revenue_target_currency IS NOT NULL AND (w19.won_min_currency != w19.revenue_target_currency OR w19.won_max_currency != w19.revenue_target_currency) AS needs0, CASE WHEN (w19.measure = 'WON_REVENUE' AND w19.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w19.revenue_target_milli, w19.revenue_target_currency) ELSE plangraph_decimal(w19.target_micros) END AS goal
 LIMIT -1 OFFSET 0) AS i1000001)))) AS anon_2 
FROM (SELECT c18.id AS id, c18.name AS name, c18.status AS status, c18.period_id AS period_id, c18.plan_id AS plan_id, c18.parent_id AS parent_id, c18.account_id AS account_id, c18.contact_id AS contact_id, c18.target_micros AS target_micros, c18.unit AS unit, c18.revenue_target_milli AS revenue_target_milli, c18.revenue_target_currency AS revenue_target_currency, c18.measure AS measure, c18.manual_actual_micros AS manual_actual_micros, c18.done_activities AS done_activities, c18.won_min_currency AS won_min_currency, c18.won_max_currency AS won_max_currency, c18.won_high AS won_high, c18.won_low AS won_low, c18.won_by_currency AS won_by_currency, c18.in_global_tree AS in_global_tree, c18.created_at AS created_at 
FROM objectives AS c18 
WHERE c18.plan_id = p17.id AND c18.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c18.id ASC
 LIMIT ? OFFSET ?) AS w19) AS anon_1 
FROM business_plans AS p17 
WHERE p17.id IN (__[POSTCOMPILE_parents])

-- deferred list 1
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p20.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w23.id), 'name', w23.name, 'stage', w23.stage, 'amount', CASE WHEN (w23.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w23.amount_milli, w23.currency), 'currency', w23.currency) END))) AS anon_2 
FROM (SELECT c21.id AS id, c21.name AS name, c21.account_id AS account_id, c21.stage AS stage, c21.amount_milli AS amount_milli, c21.currency AS currency, c21.close_on AS close_on, c21.owner_id AS owner_id, c21.objective_id AS objective_id, c21.created_at AS created_at 
FROM plan_opportunities AS l22 JOIN opportunities AS c21 ON c21.id = l22.opportunity_id 
WHERE l22.plan_id = p20.id AND c21.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c21.id ASC
 LIMIT ? OFFSET ?) AS w23) AS anon_1 
FROM business_plans AS p20 
WHERE p20.id IN (__[POSTCOMPILE_parents])

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
 SELECT p24.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w26.id), 'subject', w26.subject, 'status', w26.status))) AS anon_2 
FROM (SELECT c25.id AS id, c25.type AS type, c25.subject AS subject, c25.status AS status, c25.due_at AS due_at, c25.owner_id AS owner_id, c25.account_id AS account_id, c25.contact_id AS contact_id, c25.plan_id AS plan_id, c25.objective_id AS objective_id, c25.opportunity_id AS opportunity_id, c25.follow_up_of_id AS follow_up_of_id, c25.created_at AS created_at 
FROM activities AS c25 
WHERE c25.plan_id = p24.id AND c25.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c25.id ASC
 LIMIT ? OFFSET ?) AS w26) AS anon_1 
FROM business_plans AS p24 
WHERE p24.id IN (__[POSTCOMPILE_parents])

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
 SELECT p14.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('BusinessPlan', w16.id), 'name', w16.name, 'status', w16.status, 'objectives', json_object('$deferred', 0, '$parent', w16.id), 'opportunities', json_object('$deferred', 1, '$parent', w16.id), 'activities', json_object('$deferred', 2, '$parent', w16.id)))) AS anon_2 
FROM (SELECT c15.id AS id, c15.name AS name, c15.type AS type, c15.period_id AS period_id, c15.owner_id AS owner_id, c15.status AS status, c15.description AS description, c15.currency AS currency, c15.revenue_target_milli AS revenue_target_milli, c15.parent_id AS parent_id, c15.version AS version, c15.copied_from_id AS copied_from_id, c15.created_at AS created_at, c15.updated_at AS updated_at 
FROM business_plans AS c15 
WHERE c15.parent_id = p14.id AND c15.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans) ORDER BY c15.id ASC
 LIMIT ? OFFSET ?) AS w16) AS anon_1 
FROM business_plans AS p14 
WHERE p14.id IN (__[POSTCOMPILE_parents])

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
 SELECT p33.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w35.id), 'subject', w35.subject, 'status', w35.status, 'type', w35.type))) AS anon_2 
FROM (SELECT c34.id AS id, c34.type AS type, c34.subject AS subject, c34.status AS status, c34.due_at AS due_at, c34.owner_id AS owner_id, c34.account_id AS account_id, c34.contact_id AS contact_id, c34.plan_id AS plan_id, c34.objective_id AS objective_id, c34.opportunity_id AS opportunity_id, c34.follow_up_of_id AS follow_up_of_id, c34.created_at AS created_at 
FROM activities AS c34 
WHERE c34.opportunity_id = p33.id AND c34.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c34.id ASC
 LIMIT ? OFFSET ?) AS w35) AS anon_1 
FROM opportunities AS p33 
WHERE p33.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p30.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w32.id), 'name', w32.name, 'stage', w32.stage, 'amount', CASE WHEN (w32.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w32.amount_milli, w32.currency), 'currency', w32.currency) END, 'activities', json_object('$deferred', 4, '$parent', w32.id)))) AS anon_2 
FROM (SELECT c31.id AS id, c31.name AS name, c31.account_id AS account_id, c31.stage AS stage, c31.amount_milli AS amount_milli, c31.currency AS currency, c31.close_on AS close_on, c31.owner_id AS owner_id, c31.objective_id AS objective_id, c31.created_at AS created_at 
FROM opportunities AS c31 
WHERE c31.objective_id = p30.id AND c31.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c31.id ASC
 LIMIT ? OFFSET ?) AS w32) AS anon_1 
FROM objectives AS p30 
WHERE p30.id IN (__[POSTCOMPILE_parents])

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
 SELECT p27.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w29.id), 'name', w29.name, 'target', plangraph_decimal(w29.target_micros), 'unit', w29.unit, 'measure', w29.measure, 'actual', (SELECT CASE WHEN i1000001.needs0 THEN json_object('$progress', 'actual', '$measure', w29.measure, '$target', CAST(w29.target_micros AS TEXT), '$revenue', CAST(w29.revenue_target_milli AS TEXT), '$currency', w29.revenue_target_currency, '$manual', CAST(w29.manual_actual_micros AS TEXT), '$completed', 0, '$won', json(w29.won_by_currency), '$locations', json('[{"line": 36, "column": 43}]')) ELSE json_quote(i1000001.done0) END AS f0 
FROM (SELECT CASE WHEN (w29.measure = 'MANUAL') THEN plangraph_decimal(w29.manual_actual_micros) WHEN (w29.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w29.done_activities AS TEXT) ELSE CASE WHEN (w29.revenue_target_currency IS NULL AND w29.won_min_currency != w29.won_max_currency) THEN NULL WHEN (coalesce(w29.revenue_target_currency, w29.won_min_currency) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(w29.won_high, w29.won_low, coalesce(w29.revenue_target_currency, w29.won_min_currency)) END END AS done0, w29.measure = 'WON_REVENUE' AND w29.revenue_target_currency IS NOT NULL AND (w29.won_min_currency != w29.revenue_target_currency OR w29.won_max_currency != w29.revenue_target_currency) AS needs0
 LIMIT -1 OFFSET 0) AS i1000001), 'progress', (SELECT CASE WHEN i1000001.needs0 THEN json_object('$progress', 'progress', '$measure', w29.measure, '$target', CAST(w29.target_micros AS TEXT), '$revenue', CAST(w29.revenue_target_milli AS TEXT), '$currency', w29.revenue_target_currency, '$manual', CAST(w29.manual_actual_micros AS TEXT), '$completed', 0, '$won', json(w29.won_by_currency), '$locations', json('[{"line": 36, "column": 50}]')) ELSE json(plangraph_ratio(i1000001.done0, i1000001.goal)) END AS f0 
FROM (SELECT CASE WHEN (w29.measure = 'MANUAL') THEN plangraph_decimal(w29.manual_actual_micros) WHEN (w29.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w29.done_activities AS TEXT) ELSE CASE WHEN (w29.revenue_target_currency IS NULL AND w29.won_min_currency != w29.won_max_currency) THEN NULL WHEN (coalesce(w29.revenue_target_currency, w29.won_min_currency) IS NULL) THEN '0' ELSE plangraph_amount_of_parts(w29.won_high, w29.won_low, coalesce(w29.revenue_target_currency, w29.won_min_currency)) END END AS done0, w29.measure = 'WON_REVENUE' AND w29.revenue_target_currency IS NOT NULL AND (w29.won_min_currency != w29.revenue_target_currency OR w29.won_max_currency != w29.revenue_target_currency) AS needs0, CASE WHEN (w29.measure = 'WON_REVENUE' AND w29.revenue_target_milli IS NOT NULL) THEN plangraph_amount(w29.revenue_target_milli, w29.revenue_target_currency) ELSE plangraph_decimal(w29.target_micros) END AS goal
 LIMIT -1 OFFSET 0) AS i1000001), 'opportunities', json_object('$deferred', 5, '$parent', w29.id)))) AS anon_2 
FROM (SELECT c28.id AS id, c28.name AS name, c28.status AS status, c28.period_id AS period_id, c28.plan_id AS plan_id, c28.parent_id AS parent_id, c28.account_id AS account_id, c28.contact_id AS contact_id, c28.target_micros AS target_micros, c28.unit AS unit, c28.revenue_target_milli AS revenue_target_milli, c28.revenue_target_currency AS revenue_target_currency, c28.measure AS measure, c28.manual_actual_micros AS manual_actual_micros, c28.done_activities AS done_activities, c28.won_min_currency AS won_min_currency, c28.won_max_currency AS won_max_currency, c28.won_high AS won_high, c28.won_low AS won_low, c28.won_by_currency AS won_by_currency, c28.in_global_tree AS in_global_tree, c28.created_at AS created_at 
FROM objectives AS c28 
WHERE c28.plan_id = p27.id AND c28.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c28.id ASC
 LIMIT ? OFFSET ?) AS w29) AS anon_1 
FROM business_plans AS p27 
WHERE p27.id IN (__[POSTCOMPILE_parents])
