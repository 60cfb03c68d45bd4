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
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('BusinessPlan', w10.id), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w10.revenue_target_milli, w10.currency), 'currency', w10.currency) END, 'wonRevenue', (WITH RECURSIVE tree34(id) AS 
(SELECT w10.id AS id UNION SELECT b35.id AS id 
FROM business_plans AS b35 JOIN tree34 ON b35.parent_id = tree34.id), 
sums38 AS 
(SELECT CASE WHEN (o37.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o37.currency AS currency, w10.currency AS plan_currency, sum(o37.amount_milli / 1000000000) AS high, sum(o37.amount_milli % 1000000000) AS low 
FROM opportunities AS o37 
WHERE o37.id IN (SELECT po36.opportunity_id 
FROM plan_opportunities AS po36 JOIN tree34 ON po36.plan_id = tree34.id) AND o37.stage = 'CLOSED_WON' GROUP BY CASE WHEN (o37.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o37.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s39.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s39.high), 0), coalesce(sum(s39.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s39.currency, json_array(s39.high, s39.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 20, "column": 11}]')) END AS anon_2 
FROM (SELECT sums38.currency AS currency, sums38.high AS high, sums38.low AS low 
FROM sums38 
WHERE sums38.bucket = 'won') AS s39) AS f0), 'pipelineRevenue', (WITH RECURSIVE tree40(id) AS 
(SELECT w10.id AS id UNION SELECT b41.id AS id 
FROM business_plans AS b41 JOIN tree40 ON b41.parent_id = tree40.id), 
sums44 AS 
(SELECT CASE WHEN (o43.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o43.currency AS currency, w10.currency AS plan_currency, sum(o43.amount_milli / 1000000000) AS high, sum(o43.amount_milli % 1000000000) AS low 
FROM opportunities AS o43 
WHERE o43.id IN (SELECT po42.opportunity_id 
FROM plan_opportunities AS po42 JOIN tree40 ON po42.plan_id = tree40.id) AND (o43.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY CASE WHEN (o43.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o43.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s45.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_object('amount', plangraph_amount_of_parts(coalesce(sum(s45.high), 0), coalesce(sum(s45.low), 0), w10.currency), 'currency', w10.currency) ELSE json_object('$rollup', json_group_object(s45.currency, json_array(s45.high, s45.low)), '$currency', w10.currency, '$keys', json('[["amount", "amount"], ["currency", "currency"]]'), '$locations', json('[{"line": 21, "column": 11}]')) END AS anon_3 
FROM (SELECT sums44.currency AS currency, sums44.high AS high, sums44.low AS low 
FROM sums44 
WHERE sums44.bucket = 'open') AS s45) AS f0), 'subPlans', json_object('$deferred', 3, '$parent', w10.id), 'objectives', json_object('$deferred', 6, '$parent', w10.id))))) AS json_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC
 LIMIT ? OFFSET ?) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10), 'objectives', (WITH chosen48 AS 
(SELECT links47.id AS id, links47._via AS _via, links47._via_contact AS _via_contact 
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
WHERE ranked.pick = ? AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links47 
WHERE links47.id IN (SELECT visible_objectives.id 
FROM visible_objectives))
 SELECT json_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen48), 'edges', json_group_array(json_object('via', CASE WHEN (w51._via = 1) THEN 'ACCOUNT' WHEN (w51._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_object('id', plangraph_global_id('Contact', t52.id)) AS json_object_7 
FROM contacts AS t52 
WHERE t52.id = w51._via_contact AND t52.id IN (SELECT visible_contacts.id 
FROM visible_contacts)), 'node', json_object('id', plangraph_global_id('Objective', w51.id), 'name', w51.name, 'isGlobal', json(CASE WHEN (w51.account_id IS NULL AND w51.contact_id IS NULL) THEN 'true' ELSE 'false' END))))) AS json_object_6 
FROM (SELECT c49.id AS id, c49.name AS name, c49.status AS status, c49.period_id AS period_id, c49.plan_id AS plan_id, c49.parent_id AS parent_id, c49.account_id AS account_id, c49.contact_id AS contact_id, c49.target_micros AS target_micros, c49.unit AS unit, c49.revenue_target_milli AS revenue_target_milli, c49.revenue_target_currency AS revenue_target_currency, c49.measure AS measure, c49.manual_actual_micros AS manual_actual_micros, c49.created_at AS created_at, head50._via AS _via, head50._via_contact AS _via_contact 
FROM (SELECT chosen48.id AS id, chosen48._via AS _via, chosen48._via_contact AS _via_contact 
FROM chosen48 ORDER BY chosen48.id ASC
 LIMIT ? OFFSET ?) AS head50 JOIN objectives AS c49 ON c49.id = head50.id ORDER BY head50.id ASC) AS w51), 'opportunities', (WITH chosen55 AS 
(SELECT links54.id AS id, links54._via AS _via, links54._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_5) AS links54 
WHERE links54.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen55), 'edges', json_group_array(json_object('via', CASE WHEN (w58._via = 1) THEN 'ACCOUNT' WHEN (w58._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Opportunity', w58.id), 'name', w58.name, 'stage', w58.stage)))) AS json_object_8 
FROM (SELECT c56.id AS id, c56.name AS name, c56.account_id AS account_id, c56.stage AS stage, c56.amount_milli AS amount_milli, c56.currency AS currency, c56.close_on AS close_on, c56.owner_id AS owner_id, c56.objective_id AS objective_id, c56.created_at AS created_at, head57._via AS _via, head57._via_contact AS _via_contact 
FROM (SELECT chosen55.id AS id, chosen55._via AS _via, chosen55._via_contact AS _via_contact 
FROM chosen55 ORDER BY chosen55.id ASC
 LIMIT ? OFFSET ?) AS head57 JOIN opportunities AS c56 ON c56.id = head57.id ORDER BY head57.id ASC) AS w58), 'activities', (WITH chosen61 AS 
(SELECT links60.id AS id, links60._via AS _via, links60._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = ? AND ranked.prio IN (1, 2)) AS anon_6) AS links60 
WHERE links60.id IN (SELECT visible_activities.id 
FROM visible_activities))
 SELECT json_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen61), 'edges', json_group_array(json_object('via', CASE WHEN (w64._via = 1) THEN 'ACCOUNT' WHEN (w64._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_object('id', plangraph_global_id('Activity', w64.id), 'subject', w64.subject, 'status', w64.status)))) AS json_object_9 
FROM (SELECT c62.id AS id, c62.type AS type, c62.subject AS subject, c62.status AS status, c62.due_at AS due_at, c62.owner_id AS owner_id, c62.account_id AS account_id, c62.contact_id AS contact_id, c62.plan_id AS plan_id, c62.objective_id AS objective_id, c62.opportunity_id AS opportunity_id, c62.follow_up_of_id AS follow_up_of_id, c62.created_at AS created_at, head63._via AS _via, head63._via_contact AS _via_contact 
FROM (SELECT chosen61.id AS id, chosen61._via AS _via, chosen61._via_contact AS _via_contact 
FROM chosen61 ORDER BY chosen61.id ASC
 LIMIT ? OFFSET ?) AS head63 JOIN activities AS c62 ON c62.id = head63.id ORDER BY head63.id ASC) AS w64)) AS json_object_2 
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
 SELECT p15.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w17.id), 'name', w17.name, 'target', plangraph_decimal(w17.target_micros), 'unit', w17.unit))) AS json_object_1 
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
 SELECT p18.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w21.id), 'name', w21.name, 'stage', w21.stage, 'amount', CASE WHEN (w21.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w21.amount_milli, w21.currency), 'currency', w21.currency) END))) AS json_object_1 
FROM (SELECT c19.id AS id, c19.name AS name, c19.account_id AS account_id, c19.stage AS stage, c19.amount_milli AS amount_milli, c19.currency AS currency, c19.close_on AS close_on, c19.owner_id AS owner_id, c19.objective_id AS objective_id, c19.created_at AS created_at 
FROM plan_opportunities AS l20 JOIN opportunities AS c19 ON c19.id = l20.opportunity_id 
WHERE l20.plan_id = p18.id AND c19.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c19.id ASC
 LIMIT ? OFFSET ?) AS w21) AS anon_1 
FROM business_plans AS p18 
WHERE p18.id IN (__[POSTCOMPILE_parents])

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
 SELECT p22.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w24.id), 'subject', w24.subject, 'status', w24.status))) AS json_object_1 
FROM (SELECT c23.id AS id, c23.type AS type, c23.subject AS subject, c23.status AS status, c23.due_at AS due_at, c23.owner_id AS owner_id, c23.account_id AS account_id, c23.contact_id AS contact_id, c23.plan_id AS plan_id, c23.objective_id AS objective_id, c23.opportunity_id AS opportunity_id, c23.follow_up_of_id AS follow_up_of_id, c23.created_at AS created_at 
FROM activities AS c23 
WHERE c23.plan_id = p22.id AND c23.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c23.id ASC
 LIMIT ? OFFSET ?) AS w24) AS anon_1 
FROM business_plans AS p22 
WHERE p22.id IN (__[POSTCOMPILE_parents])

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
 SELECT p31.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Activity', w33.id), 'subject', w33.subject, 'status', w33.status, 'type', w33.type))) AS json_object_1 
FROM (SELECT c32.id AS id, c32.type AS type, c32.subject AS subject, c32.status AS status, c32.due_at AS due_at, c32.owner_id AS owner_id, c32.account_id AS account_id, c32.contact_id AS contact_id, c32.plan_id AS plan_id, c32.objective_id AS objective_id, c32.opportunity_id AS opportunity_id, c32.follow_up_of_id AS follow_up_of_id, c32.created_at AS created_at 
FROM activities AS c32 
WHERE c32.opportunity_id = p31.id AND c32.id IN (SELECT visible_activities.id 
FROM visible_activities) ORDER BY c32.id ASC
 LIMIT ? OFFSET ?) AS w33) AS anon_1 
FROM opportunities AS p31 
WHERE p31.id IN (__[POSTCOMPILE_parents])

-- deferred list 5
WITH visible_opportunities AS 
(SELECT opportunities.id AS id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = ? OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = ?)))
 SELECT p28.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Opportunity', w30.id), 'name', w30.name, 'stage', w30.stage, 'amount', CASE WHEN (w30.amount_milli IS NULL) THEN NULL ELSE json_object('amount', plangraph_amount(w30.amount_milli, w30.currency), 'currency', w30.currency) END, 'activities', json_object('$deferred', 4, '$parent', w30.id)))) AS json_object_1 
FROM (SELECT c29.id AS id, c29.name AS name, c29.account_id AS account_id, c29.stage AS stage, c29.amount_milli AS amount_milli, c29.currency AS currency, c29.close_on AS close_on, c29.owner_id AS owner_id, c29.objective_id AS objective_id, c29.created_at AS created_at 
FROM opportunities AS c29 
WHERE c29.objective_id = p28.id AND c29.id IN (SELECT visible_opportunities.id 
FROM visible_opportunities) ORDER BY c29.id ASC
 LIMIT ? OFFSET ?) AS w30) AS anon_1 
FROM objectives AS p28 
WHERE p28.id IN (__[POSTCOMPILE_parents])

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
 SELECT p25.id, (SELECT json_object('nodes', json_group_array(json_object('id', plangraph_global_id('Objective', w27.id), 'name', w27.name, 'target', plangraph_decimal(w27.target_micros), 'unit', w27.unit, 'opportunities', json_object('$deferred', 5, '$parent', w27.id)))) AS json_object_1 
FROM (SELECT c26.id AS id, c26.name AS name, c26.status AS status, c26.period_id AS period_id, c26.plan_id AS plan_id, c26.parent_id AS parent_id, c26.account_id AS account_id, c26.contact_id AS contact_id, c26.target_micros AS target_micros, c26.unit AS unit, c26.revenue_target_milli AS revenue_target_milli, c26.revenue_target_currency AS revenue_target_currency, c26.measure AS measure, c26.manual_actual_micros AS manual_actual_micros, c26.created_at AS created_at 
FROM objectives AS c26 
WHERE c26.plan_id = p25.id AND c26.id IN (SELECT visible_objectives.id 
FROM visible_objectives) ORDER BY c26.id ASC
 LIMIT ? OFFSET ?) AS w27) AS anon_1 
FROM business_plans AS p25 
WHERE p25.id IN (__[POSTCOMPILE_parents])
