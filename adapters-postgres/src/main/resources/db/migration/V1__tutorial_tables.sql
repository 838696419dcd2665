-- The MS-Application tutorial's own tables, exactly as its step 5 creates them, so that the
-- service adopts a database the tutorial filled, in place. Later versions change them.
CREATE TABLE IF NOT EXISTS users (
    user_id SERIAL NOT NULL,
    nick_name varchar(50) UNIQUE NOT NULL,
    password varchar(256) NOT NULL,
    full_name varchar(50) NOT NULL,
    cpf varchar(11) NOT NULL,
    email varchar(50) NOT NULL,
    phone_number varchar(50) NOT NULL,
    created_at TIMESTAMP,
    updated_at TIMESTAMP,
    PRIMARY KEY (user_id)
);

CREATE TABLE IF NOT EXISTS orders (
    order_id SERIAL NOT NULL,
    user_id integer NOT NULL,
    item_description varchar(256) NOT NULL,
    item_quantity integer NOT NULL,
    item_price integer NOT NULL,
    total_value integer NOT NULL,
    created_at TIMESTAMP,
    updated_at TIMESTAMP,
    PRIMARY KEY (order_id),
    FOREIGN KEY(user_id) REFERENCES users(user_id)
);
