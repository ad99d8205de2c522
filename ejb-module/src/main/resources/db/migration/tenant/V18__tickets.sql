-- Tenant database, the service desk: tickets with their categories (labels), comments, the people tickets are
-- assigned to (users of the company or outside people), the payout of outsourced tickets and the payout reports.
-- MPM's tables as its migrations leave them (tickets.ticket_id dropped, ticket_outsource_reports renamed).

CREATE TABLE IF NOT EXISTS tickets (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  creator_type VARCHAR(191) NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  assigned_id INT NULL,
  owner_type VARCHAR(191) NOT NULL,
  owner_id BIGINT UNSIGNED NOT NULL,
  status INT NOT NULL,
  due_date TIMESTAMP NULL,
  title VARCHAR(191) NOT NULL,
  content TEXT NOT NULL,
  category_id INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY tickets_creator_type_creator_id_index (creator_type, creator_id),
  KEY tickets_owner_type_owner_id_index (owner_type, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ticket_users (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_name VARCHAR(191) NOT NULL,
  phone VARCHAR(191) NULL,
  out_source INT NOT NULL,
  user_id INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY ticket_users_user_name_unique (user_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ticket_categories (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  label_name VARCHAR(191) NOT NULL,
  label_color VARCHAR(191) NOT NULL,
  out_source TINYINT(1) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ticket_outsource_payout_reports (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  date VARCHAR(191) NOT NULL,
  path VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ticket_outsources (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id INT NOT NULL,
  amount INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ticket_comments (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id INT NOT NULL,
  ticket_user_id INT NOT NULL,
  comment TEXT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Not in MPM: indexes for a ticket's comments, a customer's conversation and the conversation list.
CREATE INDEX ticket_comments_ticket_id_index ON ticket_comments (ticket_id);
CREATE INDEX sms_receiver_index ON sms (receiver);
