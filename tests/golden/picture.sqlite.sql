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
FROM chosen6 JOIN business_plans AS c7 ON c7.id = chosen6.id 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id))), 'edges', json_group_array(json_object('via', CASE WHEN (w9._via = 1) THEN 'ACCOUNT' WHEN (w9._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t10.id)) AS json_object_5 
FROM contacts AS t10 
WHERE t10.id = w9._via_contact AND t10.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w9.id), 'name', w9.name, 'status', w9.status, 'revenueTarget', CASE WHEN (w9.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w9.revenue_target_milli, w9.currency), 'currency', w9.currency) END, 'wonRevenue', (WITH RECURSIVE tree11(id) AS 
(SELECT w9.id AS id UNION SELECT b12.id AS id 
FROM business_plans AS b12 JOIN tree11 ON b12.parent_id = tree11.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s15.currency != w9.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s15.high), 0), coalesce(sum(s15.low), 0), w9.currency), 'currency', w9.currency) ELSE json_object('$rollup', json_group_object(s15.currency, json_array(s15.high, s15.low)), '$currency', w9.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 20, "column": 11}]')) END AS anon_2 
FROM (SELECT o14.currency AS currency, sum(o14.amount_milli / 1000000000) AS high, sum(o14.amount_milli % 1000000000) AS low 
FROM opportunities AS o14 
WHERE o14.id IN (SELECT po13.opportunity_id 
FROM plan_opportunities AS po13 JOIN tree11 ON po13.plan_id = tree11.id) AND o14.stage = 'CLOSED_WON' GROUP BY o14.currency) AS s15), 'pipelineRevenue', (WITH RECURSIVE tree16(id) AS 
(SELECT w9.id AS id UNION SELECT b17.id AS id 
FROM business_plans AS b17 JOIN tree16 ON b17.parent_id = tree16.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s20.currency != w9.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s20.high), 0), coalesce(sum(s20.low), 0), w9.currency), 'currency', w9.currency) ELSE json_object('$rollup', json_group_object(s20.currency, json_array(s20.high, s20.low)), '$currency', w9.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 21, "column": 11}]')) END AS anon_3 
FROM (SELECT o19.currency AS currency, sum(o19.amount_milli / 1000000000) AS high, sum(o19.amount_milli % 1000000000) AS low 
FROM opportunities AS o19 
WHERE o19.id IN (SELECT po18.opportunity_id 
FROM plan_opportunities AS po18 JOIN tree16 ON po18.plan_id = tree16.id) AND (o19.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY o19.currency) AS s20), 'subPlans', json_object('$deferred', 3, '$parent', w9.id), 'objectives', json_object('$deferred', 6, '$parent', w9.id))))) AS json_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, chosen6._via AS _via, chosen6._via_contact AS _via_contact 
FROM chosen6 JOIN business_plans AS c7 ON c7.id = chosen6.id 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY c7.id ASC
 LIMIT ? OFFSET ?) AS w9), 'objectives', (WITH chosen44 AS 
(SELECT k43.id AS id, anon_4.prio AS _via, anon_4.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON 1 = 1 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2, 3)) AS anon_4 JOIN objectives AS k43 ON k43.id = anon_4.item 
WHERE k43.id IN (SELECT visible_objectives.id 
FROM visible_objectives))
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen44 JOIN objectives AS c45 ON c45.id = chosen44.id), 'edges', json_group_array(json_object('via', CASE WHEN (w46._via = 1) THEN 'ACCOUNT' WHEN (w46._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t47.id)) AS json_object_7 
FROM contacts AS t47 
WHERE t47.id = w46._via_contact AND t47.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('Objective', w46.id), 'name', w46.name, 'isGlobal', json(CASE WHEN (w46.account_id IS NULL AND w46.contact_id IS NULL) THEN 'true' ELSE 'false' END))))) AS json_object_6 
FROM (SELECT c45.id AS id, c45.name AS name, c45.status AS status, c45.period_id AS period_id, c45.plan_id AS plan_id, c45.parent_id AS parent_id, c45.account_id AS account_id, c45.contact_id AS contact_id, c45.target_micros AS target_micros, c45.unit AS unit, c45.revenue_target_milli AS revenue_target_milli, c45.revenue_target_currency AS revenue_target_currency, c45.measure AS measure, c45.manual_actual_micros AS manual_actual_micros, c45.created_at AS created_at, chosen44._via AS _via, chosen44._via_contact AS _via_contact 
FROM chosen44 JOIN objectives AS c45 ON c45.id = chosen44.id ORDER BY c45.id ASC
 LIMIT ? OFFSET ?) AS w46), 'opportunities', (WITH chosen49 AS 
(SELECT k48.id AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_5 JOIN opportunities AS k48 ON k48.id = anon_5.item 
WHERE k48.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen49 JOIN opportunities AS c50 ON c50.id = chosen49.id), 'edges', json_group_array(json_object('via', CASE WHEN (w51._via = 1) THEN 'ACCOUNT' WHEN (w51._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w51.id), 'name', w51.name, 'stage', w51.stage)))) AS json_object_8 
FROM (SELECT c50.id AS id, c50.name AS name, c50.account_id AS account_id, c50.stage AS stage, c50.amount_milli AS amount_milli, c50.currency AS currency, c50.close_on AS close_on, c50.owner_id AS owner_id, c50.objective_id AS objective_id, c50.created_at AS created_at, chosen49._via AS _via, chosen49._via_contact AS _via_contact 
FROM chosen49 JOIN opportunities AS c50 ON c50.id = chosen49.id ORDER BY c50.id ASC
 LIMIT ? OFFSET ?) AS w51), 'activities', (WITH chosen53 AS 
(SELECT k52.id AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_6 JOIN activities AS k52 ON k52.id = anon_6.item 
WHERE k52.id IN (SELECT visible_activities.id 
FROM visible_activities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen53 JOIN activities AS c54 ON c54.id = chosen53.id), 'edges', json_group_array(json_object('via', CASE WHEN (w55._via = 1) THEN 'ACCOUNT' WHEN (w55._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w55.id), 'subject', w55.subject, 'status', w55.status)))) AS json_object_9 
FROM (SELECT c54.id AS id, c54.type AS type, c54.subject AS subject, c54.status AS status, c54.due_at AS due_at, c54.owner_id AS owner_id, c54.account_id AS account_id, c54.contact_id AS contact_id, c54.plan_id AS plan_id, c54.objective_id AS objective_id, c54.opportunity_id AS opportunity_id, c54.follow_up_of_id AS follow_up_of_id, c54.created_at AS created_at, chosen53._via AS _via, chosen53._via_contact AS _via_contact 
FROM chosen53 JOIN activities AS c54 ON c54.id = chosen53.id ORDER BY c54.id ASC
 LIMIT ? OFFSET ?) AS w55)) AS json_object_2 
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
 SELECT p24.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w26.id), 'name', w26.name, 'target', plangraph_decimal(w26.target_micros), 'unit', w26.unit))) AS json_object_1 
FROM (SELECT c25.id AS id, c25.name AS name, c25.status AS status, c25.period_id AS period_id, c25.plan_id AS plan_id, c25.parent_id AS parent_id, c25.account_id AS account_id, c25.contact_id AS contact_id, c25.target_micros AS target_micros, c25.unit AS unit, c25.revenue_target_milli AS revenue_target_milli, c25.revenue_target_currency AS revenue_target_currency, c25.measure AS measure, c25.manual_actual_micros AS manual_actual_micros, c25.created_at AS created_at 
FROM objectives AS c25 
WHERE c25.plan_id = p24.id AND c25.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c25.id ASC
 LIMIT ? OFFSET ?) AS w26) AS anon_1 
FROM business_plans AS p24 
WHERE p24.id IN (__[POSTCOMPILE_parents])

-- deferred list 1
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p27.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w30.id), 'name', w30.name, 'stage', w30.stage, 'amount', CASE WHEN (w30.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w30.amount_milli, w30.currency), 'currency', w30.currency) END))) AS json_object_1 
FROM (SELECT c28.id AS id, c28.name AS name, c28.account_id AS account_id, c28.stage AS stage, c28.amount_milli AS amount_milli, c28.currency AS currency, c28.close_on AS close_on, c28.owner_id AS owner_id, c28.objective_id AS objective_id, c28.created_at AS created_at 
FROM plan_opportunities AS l29 JOIN opportunities AS c28 ON c28.id = l29.opportunity_id 
WHERE l29.plan_id = p27.id AND c28.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c28.id ASC
 LIMIT ? OFFSET ?) AS w30) AS anon_1 
FROM business_plans AS p27 
WHERE p27.id IN (__[POSTCOMPILE_parents])

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
 SELECT p31.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w33.id), 'subject', w33.subject, 'status', w33.status))) AS json_object_1 
FROM (SELECT c32.id AS id, c32.type AS type, c32.subject AS subject, c32.status AS status, c32.due_at AS due_at, c32.owner_id AS owner_id, c32.account_id AS account_id, c32.contact_id AS contact_id, c32.plan_id AS plan_id, c32.objective_id AS objective_id, c32.opportunity_id AS opportunity_id, c32.follow_up_of_id AS follow_up_of_id, c32.created_at AS created_at 
FROM activities AS c32 
WHERE c32.plan_id = p31.id AND c32.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c32.id ASC
 LIMIT ? OFFSET ?) AS w33) AS anon_1 
FROM business_plans AS p31 
WHERE p31.id IN (__[POSTCOMPILE_parents])

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
 SELECT p21.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('BusinessPlan', w23.id), 'name', w23.name, 'status', w23.status, 'objectives', json_object('$deferred', 0, '$parent', w23.id), 'opportunities', json_object('$deferred', 1, '$parent', w23.id), 'activities', json_object('$deferred', 2, '$parent', w23.id)))) AS json_object_1 
FROM (SELECT c22.id AS id, c22.name AS name, c22.type AS type, c22.period_id AS period_id, c22.owner_id AS owner_id, c22.status AS status, c22.description AS description, c22.currency AS currency, c22.revenue_target_milli AS revenue_target_milli, c22.parent_id AS parent_id, c22.version AS version, c22.copied_from_id AS copied_from_id, c22.created_at AS created_at, c22.updated_at AS updated_at 
FROM business_plans AS c22 
WHERE c22.parent_id = p21.id AND c22.id IN (SELECT visible_business_plans.id 
FROM visible_business_plans) ORDER BY c22.id ASC
 LIMIT ? OFFSET ?) AS w23) AS anon_1 
FROM business_plans AS p21 
WHERE p21.id IN (__[POSTCOMPILE_parents])

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
 SELECT p40.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w42.id), 'subject', w42.subject, 'status', w42.status, 'type', w42.type))) AS json_object_1 
FROM (SELECT c41.id AS id, c41.type AS type, c41.subject AS subject, c41.status AS status, c41.due_at AS due_at, c41.owner_id AS owner_id, c41.account_id AS account_id, c41.contact_id AS contact_id, c41.plan_id AS plan_id, c41.objective_id AS objective_id, c41.opportunity_id AS opportunity_id, c41.follow_up_of_id AS follow_up_of_id, c41.created_at AS created_at 
FROM activities AS c41 
WHERE c41.opportunity_id = p40.id AND c41.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c41.id ASC
 LIMIT ? OFFSET ?) AS w42) AS anon_1 
FROM opportunities AS p40 
WHERE p40.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p37.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w39.id), 'name', w39.name, 'stage', w39.stage, 'amount', CASE WHEN (w39.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w39.amount_milli, w39.currency), 'currency', w39.currency) END, 'activities', json_object('$deferred', 4, '$parent', w39.id)))) AS json_object_1 
FROM (SELECT c38.id AS id, c38.name AS name, c38.account_id AS account_id, c38.stage AS stage, c38.amount_milli AS amount_milli, c38.currency AS currency, c38.close_on AS close_on, c38.owner_id AS owner_id, c38.objective_id AS objective_id, c38.created_at AS created_at 
FROM opportunities AS c38 
WHERE c38.objective_id = p37.id AND c38.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c38.id ASC
 LIMIT ? OFFSET ?) AS w39) AS anon_1 
FROM objectives AS p37 
WHERE p37.id IN (__[POSTCOMPILE_parents])

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
 SELECT p34.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w36.id), 'name', w36.name, 'target', plangraph_decimal(w36.target_micros), 'unit', w36.unit, 'opportunities', json_object('$deferred', 5, '$parent', w36.id)))) AS json_object_1 
FROM (SELECT c35.id AS id, c35.name AS name, c35.status AS status, c35.period_id AS period_id, c35.plan_id AS plan_id, c35.parent_id AS parent_id, c35.account_id AS account_id, c35.contact_id AS contact_id, c35.target_micros AS target_micros, c35.unit AS unit, c35.revenue_target_milli AS revenue_target_milli, c35.revenue_target_currency AS revenue_target_currency, c35.measure AS measure, c35.manual_actual_micros AS manual_actual_micros, c35.created_at AS created_at 
FROM objectives AS c35 
WHERE c35.plan_id = p34.id AND c35.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c35.id ASC
 LIMIT ? OFFSET ?) AS w36) AS anon_1 
FROM business_plans AS p34 
WHERE p34.id IN (__[POSTCOMPILE_parents])
