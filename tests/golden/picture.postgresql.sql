SELECT CAST(json_build_object('data', json_build_object('account', (SELECT json_build_object('id', translate(encode(convert_to('Account:' || CAST(t1.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', t1.name, 'contacts', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('Contact:' || CAST(w4.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'firstName', w4.first_name, 'lastName', w4.last_name, 'email', w4.email) ORDER BY w4.id ASC), CAST('[]' AS JSON))) AS json_build_object_3 
FROM (SELECT c2.id AS id, c2.first_name AS first_name, c2.last_name AS last_name, c2.email AS email, c2.created_at AS created_at 
FROM account_contacts AS l3 JOIN contacts AS c2 ON c2.id = l3.contact_id 
WHERE l3.account_id = t1.id AND c2.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c2.id ASC 
 LIMIT $2::INTEGER) AS w4), 'businessPlans', (WITH chosen6 AS 
(SELECT k5.id AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact, k5.parent_id AS parent_id 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT plan_accounts.account_id AS acct, plan_accounts.plan_id AS item, 1 AS prio, NULL AS contact 
FROM plan_accounts 
WHERE plan_accounts.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, plan_contacts.plan_id AS item, 2 AS prio, plan_contacts.contact_id AS contact 
FROM account_contacts JOIN plan_contacts ON plan_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $3::INTEGER AND ranked.prio IN (1, 2)) AS anon_1 JOIN business_plans AS k5 ON k5.id = anon_1.item 
WHERE k5.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND plan_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_1 
FROM chosen6 JOIN business_plans AS c7 ON c7.id = chosen6.id 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id))), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w9._via = 1) THEN 'ACCOUNT' WHEN (w9._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', translate(encode(convert_to('Contact:' || CAST(t10.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_')) AS json_build_object_5 
FROM contacts AS t10 
WHERE t10.id = w9._via_contact AND t10.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', translate(encode(convert_to('BusinessPlan:' || CAST(w9.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w9.name, 'status', w9.status, 'revenueTarget', CASE WHEN (w9.revenue_target_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w9.revenue_target_milli AS NUMERIC) * 0.001, CASE w9.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w9.currency) END, 'wonRevenue', (WITH RECURSIVE tree11(id) AS 
(SELECT w9.id AS id UNION SELECT b12.id AS id 
FROM business_plans AS b12 JOIN tree11 ON b12.parent_id = tree11.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s15.currency != w9.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s15.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s15.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w9.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w9.currency) ELSE json_build_object('$rollup', json_object_agg(s15.currency, json_build_array(s15.high, s15.low)), '$currency', w9.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 20, "column": 11}]' AS JSON)) END AS anon_2 
FROM (SELECT o14.currency AS currency, sum(o14.amount_milli / 1000000000) AS high, sum(o14.amount_milli % 1000000000) AS low 
FROM opportunities AS o14 
WHERE o14.id IN (SELECT po13.opportunity_id 
FROM plan_opportunities AS po13 JOIN tree11 ON po13.plan_id = tree11.id) AND o14.stage = 'CLOSED_WON' GROUP BY o14.currency) AS s15), 'pipelineRevenue', (WITH RECURSIVE tree16(id) AS 
(SELECT w9.id AS id UNION SELECT b17.id AS id 
FROM business_plans AS b17 JOIN tree16 ON b17.parent_id = tree16.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s20.currency != w9.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s20.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s20.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w9.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w9.currency) ELSE json_build_object('$rollup', json_object_agg(s20.currency, json_build_array(s20.high, s20.low)), '$currency', w9.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 21, "column": 11}]' AS JSON)) END AS anon_3 
FROM (SELECT o19.currency AS currency, sum(o19.amount_milli / 1000000000) AS high, sum(o19.amount_milli % 1000000000) AS low 
FROM opportunities AS o19 
WHERE o19.id IN (SELECT po18.opportunity_id 
FROM plan_opportunities AS po18 JOIN tree16 ON po18.plan_id = tree16.id) AND (o19.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY o19.currency) AS s20), 'subPlans', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('BusinessPlan:' || CAST(w22.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w22.name, 'status', w22.status, 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('Objective:' || CAST(w24.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w24.name, 'target', CAST(trim_scale(CAST(w24.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w24.unit) ORDER BY w24.id ASC), CAST('[]' AS JSON))) AS json_build_object_7 
FROM (SELECT c23.id AS id, c23.name AS name, c23.status AS status, c23.period_id AS period_id, c23.plan_id AS plan_id, c23.parent_id AS parent_id, c23.account_id AS account_id, c23.contact_id AS contact_id, c23.target_micros AS target_micros, c23.unit AS unit, c23.revenue_target_milli AS revenue_target_milli, c23.revenue_target_currency AS revenue_target_currency, c23.measure AS measure, c23.manual_actual_micros AS manual_actual_micros, c23.created_at AS created_at 
FROM objectives AS c23 
WHERE c23.plan_id = w22.id AND c23.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c23.id ASC 
 LIMIT $4::INTEGER) AS w24), 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('Opportunity:' || CAST(w27.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w27.name, 'stage', w27.stage, 'amount', CASE WHEN (w27.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w27.amount_milli AS NUMERIC) * 0.001, CASE w27.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w27.currency) END) ORDER BY w27.id ASC), CAST('[]' AS JSON))) AS json_build_object_8 
FROM (SELECT c25.id AS id, c25.name AS name, c25.account_id AS account_id, c25.stage AS stage, c25.amount_milli AS amount_milli, c25.currency AS currency, c25.close_on AS close_on, c25.owner_id AS owner_id, c25.objective_id AS objective_id, c25.created_at AS created_at 
FROM plan_opportunities AS l26 JOIN opportunities AS c25 ON c25.id = l26.opportunity_id 
WHERE l26.plan_id = w22.id AND c25.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c25.id ASC 
 LIMIT $5::INTEGER) AS w27), 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('Activity:' || CAST(w29.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'subject', w29.subject, 'status', w29.status) ORDER BY w29.id ASC), CAST('[]' AS JSON))) AS json_build_object_9 
FROM (SELECT c28.id AS id, c28.type AS type, c28.subject AS subject, c28.status AS status, c28.due_at AS due_at, c28.owner_id AS owner_id, c28.account_id AS account_id, c28.contact_id AS contact_id, c28.plan_id AS plan_id, c28.objective_id AS objective_id, c28.opportunity_id AS opportunity_id, c28.follow_up_of_id AS follow_up_of_id, c28.created_at AS created_at 
FROM activities AS c28 
WHERE c28.plan_id = w22.id AND c28.id IN (SELECT activities.id 
FROM activities 
WHERE activities.owner_id = $1::INTEGER OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c28.id ASC 
 LIMIT $6::INTEGER) AS w29)) ORDER BY w22.id ASC), CAST('[]' AS JSON))) AS json_build_object_6 
FROM (SELECT c21.id AS id, c21.name AS name, c21.type AS type, c21.period_id AS period_id, c21.owner_id AS owner_id, c21.status AS status, c21.description AS description, c21.currency AS currency, c21.revenue_target_milli AS revenue_target_milli, c21.parent_id AS parent_id, c21.version AS version, c21.copied_from_id AS copied_from_id, c21.created_at AS created_at, c21.updated_at AS updated_at 
FROM business_plans AS c21 
WHERE c21.parent_id = w9.id AND c21.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND plan_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) ORDER BY c21.id ASC 
 LIMIT $7::INTEGER) AS w22), 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('Objective:' || CAST(w31.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w31.name, 'target', CAST(trim_scale(CAST(w31.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w31.unit, 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('Opportunity:' || CAST(w33.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w33.name, 'stage', w33.stage, 'amount', CASE WHEN (w33.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w33.amount_milli AS NUMERIC) * 0.001, CASE w33.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w33.currency) END, 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', translate(encode(convert_to('Activity:' || CAST(w35.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'subject', w35.subject, 'status', w35.status, 'type', w35.type) ORDER BY w35.id ASC), CAST('[]' AS JSON))) AS json_build_object_12 
FROM (SELECT c34.id AS id, c34.type AS type, c34.subject AS subject, c34.status AS status, c34.due_at AS due_at, c34.owner_id AS owner_id, c34.account_id AS account_id, c34.contact_id AS contact_id, c34.plan_id AS plan_id, c34.objective_id AS objective_id, c34.opportunity_id AS opportunity_id, c34.follow_up_of_id AS follow_up_of_id, c34.created_at AS created_at 
FROM activities AS c34 
WHERE c34.opportunity_id = w33.id AND c34.id IN (SELECT activities.id 
FROM activities 
WHERE activities.owner_id = $1::INTEGER OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c34.id ASC 
 LIMIT $8::INTEGER) AS w35)) ORDER BY w33.id ASC), CAST('[]' AS JSON))) AS json_build_object_11 
FROM (SELECT c32.id AS id, c32.name AS name, c32.account_id AS account_id, c32.stage AS stage, c32.amount_milli AS amount_milli, c32.currency AS currency, c32.close_on AS close_on, c32.owner_id AS owner_id, c32.objective_id AS objective_id, c32.created_at AS created_at 
FROM opportunities AS c32 
WHERE c32.objective_id = w31.id AND c32.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c32.id ASC 
 LIMIT $9::INTEGER) AS w33)) ORDER BY w31.id ASC), CAST('[]' AS JSON))) AS json_build_object_10 
FROM (SELECT c30.id AS id, c30.name AS name, c30.status AS status, c30.period_id AS period_id, c30.plan_id AS plan_id, c30.parent_id AS parent_id, c30.account_id AS account_id, c30.contact_id AS contact_id, c30.target_micros AS target_micros, c30.unit AS unit, c30.revenue_target_milli AS revenue_target_milli, c30.revenue_target_currency AS revenue_target_currency, c30.measure AS measure, c30.manual_actual_micros AS manual_actual_micros, c30.created_at AS created_at 
FROM objectives AS c30 
WHERE c30.plan_id = w9.id AND c30.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c30.id ASC 
 LIMIT $10::INTEGER) AS w31))) ORDER BY w9.id ASC), CAST('[]' AS JSON))) AS json_build_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, chosen6._via AS _via, chosen6._via_contact AS _via_contact 
FROM chosen6 JOIN business_plans AS c7 ON c7.id = chosen6.id 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY c7.id ASC 
 LIMIT $11::INTEGER) AS w9), 'objectives', (WITH chosen37 AS 
(SELECT k36.id AS id, anon_4.prio AS _via, anon_4.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON true 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = $12::INTEGER AND ranked.prio IN (1, 2, 3)) AS anon_4 JOIN objectives AS k36 ON k36.id = anon_4.item 
WHERE k36.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen37 JOIN objectives AS c38 ON c38.id = chosen37.id), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w39._via = 1) THEN 'ACCOUNT' WHEN (w39._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', translate(encode(convert_to('Contact:' || CAST(t40.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_')) AS json_build_object_14 
FROM contacts AS t40 
WHERE t40.id = w39._via_contact AND t40.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', translate(encode(convert_to('Objective:' || CAST(w39.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w39.name, 'isGlobal', w39.account_id IS NULL AND w39.contact_id IS NULL)) ORDER BY w39.id ASC), CAST('[]' AS JSON))) AS json_build_object_13 
FROM (SELECT c38.id AS id, c38.name AS name, c38.status AS status, c38.period_id AS period_id, c38.plan_id AS plan_id, c38.parent_id AS parent_id, c38.account_id AS account_id, c38.contact_id AS contact_id, c38.target_micros AS target_micros, c38.unit AS unit, c38.revenue_target_milli AS revenue_target_milli, c38.revenue_target_currency AS revenue_target_currency, c38.measure AS measure, c38.manual_actual_micros AS manual_actual_micros, c38.created_at AS created_at, chosen37._via AS _via, chosen37._via_contact AS _via_contact 
FROM chosen37 JOIN objectives AS c38 ON c38.id = chosen37.id ORDER BY c38.id ASC 
 LIMIT $13::INTEGER) AS w39), 'opportunities', (WITH chosen42 AS 
(SELECT k41.id AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $14::INTEGER AND ranked.prio IN (1, 2)) AS anon_5 JOIN opportunities AS k41 ON k41.id = anon_5.item 
WHERE k41.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen42 JOIN opportunities AS c43 ON c43.id = chosen42.id), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w44._via = 1) THEN 'ACCOUNT' WHEN (w44._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', translate(encode(convert_to('Opportunity:' || CAST(w44.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'name', w44.name, 'stage', w44.stage)) ORDER BY w44.id ASC), CAST('[]' AS JSON))) AS json_build_object_15 
FROM (SELECT c43.id AS id, c43.name AS name, c43.account_id AS account_id, c43.stage AS stage, c43.amount_milli AS amount_milli, c43.currency AS currency, c43.close_on AS close_on, c43.owner_id AS owner_id, c43.objective_id AS objective_id, c43.created_at AS created_at, chosen42._via AS _via, chosen42._via_contact AS _via_contact 
FROM chosen42 JOIN opportunities AS c43 ON c43.id = chosen42.id ORDER BY c43.id ASC 
 LIMIT $15::INTEGER) AS w44), 'activities', (WITH chosen46 AS 
(SELECT k45.id AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $16::INTEGER AND ranked.prio IN (1, 2)) AS anon_6 JOIN activities AS k45 ON k45.id = anon_6.item 
WHERE k45.id IN (SELECT activities.id 
FROM activities 
WHERE activities.owner_id = $1::INTEGER OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen46 JOIN activities AS c47 ON c47.id = chosen46.id), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w48._via = 1) THEN 'ACCOUNT' WHEN (w48._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', translate(encode(convert_to('Activity:' || CAST(w48.id AS TEXT), 'UTF8'), 'base64'), '+/', '-_'), 'subject', w48.subject, 'status', w48.status)) ORDER BY w48.id ASC), CAST('[]' AS JSON))) AS json_build_object_16 
FROM (SELECT c47.id AS id, c47.type AS type, c47.subject AS subject, c47.status AS status, c47.due_at AS due_at, c47.owner_id AS owner_id, c47.account_id AS account_id, c47.contact_id AS contact_id, c47.plan_id AS plan_id, c47.objective_id AS objective_id, c47.opportunity_id AS opportunity_id, c47.follow_up_of_id AS follow_up_of_id, c47.created_at AS created_at, chosen46._via AS _via, chosen46._via_contact AS _via_contact 
FROM chosen46 JOIN activities AS c47 ON c47.id = chosen46.id ORDER BY c47.id ASC 
 LIMIT $17::INTEGER) AS w48)) AS json_build_object_2 
FROM accounts AS t1 
WHERE t1.id = $18::INTEGER AND t1.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) AS TEXT) AS json_build_object_1
