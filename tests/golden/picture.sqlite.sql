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
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_1 JOIN business_plans AS k5 ON anon_1.item = k5.id 
WHERE k5.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans))
 SELECT json_object('totalCount', (SELECT count(*) AS count_1 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id))), 'edges', json_group_array(json_object('via', CASE WHEN (w10._via = 1) THEN 'ACCOUNT' WHEN (w10._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t11.id)) AS json_object_5 
FROM contacts AS t11 
WHERE t11.id = w10._via_contact AND t11.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w10.id), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w10.revenue_target_milli, w10.currency), 'currency', w10.currency) END, 'wonRevenue', (WITH RECURSIVE tree12(id) AS 
(SELECT w10.id AS id UNION SELECT b13.id AS id 
FROM business_plans AS b13 JOIN tree12 ON b13.parent_id = tree12.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s16.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s16.high), 0), coalesce(sum(s16.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s16.currency, json_array(s16.high, s16.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 20, "column": 11}]')) END AS anon_2 
FROM (SELECT o15.currency AS currency, sum(o15.amount_milli / 1000000000) AS high, sum(o15.amount_milli % 1000000000) AS low 
FROM opportunities AS o15 
WHERE o15.id IN (SELECT po14.opportunity_id 
FROM plan_opportunities AS po14 JOIN tree12 ON po14.plan_id = tree12.id) AND o15.stage = 'CLOSED_WON' GROUP BY o15.currency) AS s16), 'pipelineRevenue', (WITH RECURSIVE tree17(id) AS 
(SELECT w10.id AS id UNION SELECT b18.id AS id 
FROM business_plans AS b18 JOIN tree17 ON b18.parent_id = tree17.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s21.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s21.high), 0), coalesce(sum(s21.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s21.currency, json_array(s21.high, s21.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 21, "column": 11}]')) END AS anon_3 
FROM (SELECT o20.currency AS currency, sum(o20.amount_milli / 1000000000) AS high, sum(o20.amount_milli % 1000000000) AS low 
FROM opportunities AS o20 
WHERE o20.id IN (SELECT po19.opportunity_id 
FROM plan_opportunities AS po19 JOIN tree17 ON po19.plan_id = tree17.id) AND (o20.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY o20.currency) AS s21), 'subPlans', json_object('$deferred', 3, '$parent', w10.id), 'objectives', json_object('$deferred', 6, '$parent', w10.id))))) AS json_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC
 LIMIT ? OFFSET ?) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10), 'objectives', (WITH chosen46 AS 
(SELECT links45.id AS id, links45._via AS _via, links45._via_contact AS _via_contact 
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
WHERE ranked.pick = ? AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links45 
WHERE links45.id IN (SELECT visible_objectives.id 
FROM visible_objectives))
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen46), 'edges', json_group_array(json_object('via', CASE WHEN (w49._via = 1) THEN 'ACCOUNT' WHEN (w49._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t50.id)) AS json_object_7 
FROM contacts AS t50 
WHERE t50.id = w49._via_contact AND t50.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('Objective', w49.id), 'name', w49.name, 'isGlobal', json(CASE WHEN (w49.account_id IS NULL AND w49.contact_id IS NULL) THEN 'true' ELSE 'false' END))))) AS json_object_6 
FROM (SELECT c47.id AS id, c47.name AS name, c47.status AS status, c47.period_id AS period_id, c47.plan_id AS plan_id, c47.parent_id AS parent_id, c47.account_id AS account_id, c47.contact_id AS contact_id, c47.target_micros AS target_micros, c47.unit AS unit, c47.revenue_target_milli AS revenue_target_milli, c47.revenue_target_currency AS revenue_target_currency, c47.measure AS measure, c47.manual_actual_micros AS manual_actual_micros, c47.created_at AS created_at, head48._via AS _via, head48._via_contact AS _via_contact 
FROM (SELECT chosen46.id AS id, chosen46._via AS _via, chosen46._via_contact AS _via_contact 
FROM chosen46 ORDER BY chosen46.id ASC
 LIMIT ? OFFSET ?) AS head48 JOIN objectives AS c47 ON head48.id = c47.id ORDER BY head48.id ASC) AS w49), 'opportunities', (WITH chosen53 AS 
(SELECT links52.id AS id, links52._via AS _via, links52._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_5) AS links52 
WHERE links52.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen53), 'edges', json_group_array(json_object('via', CASE WHEN (w56._via = 1) THEN 'ACCOUNT' WHEN (w56._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w56.id), 'name', w56.name, 'stage', w56.stage)))) AS json_object_8 
FROM (SELECT c54.id AS id, c54.name AS name, c54.account_id AS account_id, c54.stage AS stage, c54.amount_milli AS amount_milli, c54.currency AS currency, c54.close_on AS close_on, c54.owner_id AS owner_id, c54.objective_id AS objective_id, c54.created_at AS created_at, head55._via AS _via, head55._via_contact AS _via_contact 
FROM (SELECT chosen53.id AS id, chosen53._via AS _via, chosen53._via_contact AS _via_contact 
FROM chosen53 ORDER BY chosen53.id ASC
 LIMIT ? OFFSET ?) AS head55 JOIN opportunities AS c54 ON head55.id = c54.id ORDER BY head55.id ASC) AS w56), 'activities', (WITH chosen59 AS 
(SELECT links58.id AS id, links58._via AS _via, links58._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_6) AS links58 
WHERE links58.id IN (SELECT visible_activities.id 
FROM visible_activities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen59), 'edges', json_group_array(json_object('via', CASE WHEN (w62._via = 1) THEN 'ACCOUNT' WHEN (w62._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w62.id), 'subject', w62.subject, 'status', w62.status)))) AS json_object_9 
FROM (SELECT c60.id AS id, c60.type AS type, c60.subject AS subject, c60.status AS status, c60.due_at AS due_at, c60.owner_id AS owner_id, c60.account_id AS account_id, c60.contact_id AS contact_id, c60.plan_id AS plan_id, c60.objective_id AS objective_id, c60.opportunity_id AS opportunity_id, c60.follow_up_of_id AS follow_up_of_id, c60.created_at AS created_at, head61._via AS _via, head61._via_contact AS _via_contact 
FROM (SELECT chosen59.id AS id, chosen59._via AS _via, chosen59._via_contact AS _via_contact 
FROM chosen59 ORDER BY chosen59.id ASC
 LIMIT ? OFFSET ?) AS head61 JOIN activities AS c60 ON head61.id = c60.id ORDER BY head61.id ASC) AS w62)) AS json_object_2 
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
 SELECT p25.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w27.id), 'name', w27.name, 'target', plangraph_decimal(w27.target_micros), 'unit', w27.unit))) AS json_object_1 
FROM (SELECT c26.id AS id, c26.name AS name, c26.status AS status, c26.period_id AS period_id, c26.plan_id AS plan_id, c26.parent_id AS parent_id, c26.account_id AS account_id, c26.contact_id AS contact_id, c26.target_micros AS target_micros, c26.unit AS unit, c26.revenue_target_milli AS revenue_target_milli, c26.revenue_target_currency AS revenue_target_currency, c26.measure AS measure, c26.manual_actual_micros AS manual_actual_micros, c26.created_at AS created_at 
FROM objectives AS c26 
WHERE c26.plan_id = p25.id AND c26.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c26.id ASC
 LIMIT ? OFFSET ?) AS w27) AS anon_1 
FROM business_plans AS p25 
WHERE p25.id IN (__[POSTCOMPILE_parents])

-- deferred list 1
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p28.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w31.id), 'name', w31.name, 'stage', w31.stage, 'amount', CASE WHEN (w31.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w31.amount_milli, w31.currency), 'currency', w31.currency) END))) AS json_object_1 
FROM (SELECT c29.id AS id, c29.name AS name, c29.account_id AS account_id, c29.stage AS stage, c29.amount_milli AS amount_milli, c29.currency AS currency, c29.close_on AS close_on, c29.owner_id AS owner_id, c29.objective_id AS objective_id, c29.created_at AS created_at 
FROM plan_opportunities AS l30 JOIN opportunities AS c29 ON c29.id = l30.opportunity_id 
WHERE l30.plan_id = p28.id AND c29.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c29.id ASC
 LIMIT ? OFFSET ?) AS w31) AS anon_1 
FROM business_plans AS p28 
WHERE p28.id IN (__[POSTCOMPILE_parents])

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
 SELECT p32.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w34.id), 'subject', w34.subject, 'status', w34.status))) AS json_object_1 
FROM (SELECT c33.id AS id, c33.type AS type, c33.subject AS subject, c33.status AS status, c33.due_at AS due_at, c33.owner_id AS owner_id, c33.account_id AS account_id, c33.contact_id AS contact_id, c33.plan_id AS plan_id, c33.objective_id AS objective_id, c33.opportunity_id AS opportunity_id, c33.follow_up_of_id AS follow_up_of_id, c33.created_at AS created_at 
FROM activities AS c33 
WHERE c33.plan_id = p32.id AND c33.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c33.id ASC
 LIMIT ? OFFSET ?) AS w34) AS anon_1 
FROM business_plans AS p32 
WHERE p32.id IN (__[POSTCOMPILE_parents])

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
 SELECT p22.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('BusinessPlan', w24.id), 'name', w24.name, 'status', w24.status, 'objectives', json_object('$deferred', 0, '$parent', w24.id), 'opportunities', json_object('$deferred', 1, '$parent', w24.id), 'activities', json_object('$deferred', 2, '$parent', w24.id)))) AS json_object_1 
FROM (SELECT c23.id AS id, c23.name AS name, c23.type AS type, c23.period_id AS period_id, c23.owner_id AS owner_id, c23.status AS status, c23.description AS description, c23.currency AS currency, c23.revenue_target_milli AS revenue_target_milli, c23.parent_id AS parent_id, c23.version AS version, c23.copied_from_id AS copied_from_id, c23.created_at AS created_at, c23.updated_at AS updated_at 
FROM business_plans AS c23 
WHERE c23.parent_id = p22.id AND c23.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans) ORDER BY c23.id ASC
 LIMIT ? OFFSET ?) AS w24) AS anon_1 
FROM business_plans AS p22 
WHERE p22.id IN (__[POSTCOMPILE_parents])

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
 SELECT p41.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w43.id), 'subject', w43.subject, 'status', w43.status, 'type', w43.type))) AS json_object_1 
FROM (SELECT c42.id AS id, c42.type AS type, c42.subject AS subject, c42.status AS status, c42.due_at AS due_at, c42.owner_id AS owner_id, c42.account_id AS account_id, c42.contact_id AS contact_id, c42.plan_id AS plan_id, c42.objective_id AS objective_id, c42.opportunity_id AS opportunity_id, c42.follow_up_of_id AS follow_up_of_id, c42.created_at AS created_at 
FROM activities AS c42 
WHERE c42.opportunity_id = p41.id AND c42.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c42.id ASC
 LIMIT ? OFFSET ?) AS w43) AS anon_1 
FROM opportunities AS p41 
WHERE p41.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p38.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w40.id), 'name', w40.name, 'stage', w40.stage, 'amount', CASE WHEN (w40.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w40.amount_milli, w40.currency), 'currency', w40.currency) END, 'activities', json_object('$deferred', 4, '$parent', w40.id)))) AS json_object_1 
FROM (SELECT c39.id AS id, c39.name AS name, c39.account_id AS account_id, c39.stage AS stage, c39.amount_milli AS amount_milli, c39.currency AS currency, c39.close_on AS close_on, c39.owner_id AS owner_id, c39.objective_id AS objective_id, c39.created_at AS created_at 
FROM opportunities AS c39 
WHERE c39.objective_id = p38.id AND c39.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c39.id ASC
 LIMIT ? OFFSET ?) AS w40) AS anon_1 
FROM objectives AS p38 
WHERE p38.id IN (__[POSTCOMPILE_parents])

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
 SELECT p35.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w37.id), 'name', w37.name, 'target', plangraph_decimal(w37.target_micros), 'unit', w37.unit, 'opportunities', json_object('$deferred', 5, '$parent', w37.id)))) AS json_object_1 
FROM (SELECT c36.id AS id, c36.name AS name, c36.status AS status, c36.period_id AS period_id, c36.plan_id AS plan_id, c36.parent_id AS parent_id, c36.account_id AS account_id, c36.contact_id AS contact_id, c36.target_micros AS target_micros, c36.unit AS unit, c36.revenue_target_milli AS revenue_target_milli, c36.revenue_target_currency AS revenue_target_currency, c36.measure AS measure, c36.manual_actual_micros AS manual_actual_micros, c36.created_at AS created_at 
FROM objectives AS c36 
WHERE c36.plan_id = p35.id AND c36.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c36.id ASC
 LIMIT ? OFFSET ?) AS w37) AS anon_1 
FROM business_plans AS p35 
WHERE p35.id IN (__[POSTCOMPILE_parents])
