<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bg_BG" sourcelanguage="en">
    <context>
        <name>CheckerDialog</name>
        <message>
            <source>Second check of order {order}</source>
            <translation>Втора проверка на поръчка {order}</translation>
        </message>
        <message>
            <source>Who checks order {order}? Pick your own card (Enter). Then scan the order's label again.</source>
            <translation>Кой проверява поръчка {order}? Избери своята карта (Enter). После сканирай отново етикета на поръчката.</translation>
        </message>
        <message>
            <source>{name} (packed this order)</source>
            <translation>{name} (опакова тази поръчка)</translation>
        </message>
        <message>
            <source>Check as this worker</source>
            <translation>Провери като този работник</translation>
        </message>
    </context>
    <context>
        <name>DialogScans</name>
        <message>
            <source>Scanned while a question was open, processed after it closed: {codes}</source>
            <translation>Сканирано, докато въпросът беше отворен, обработено след затварянето му: {codes}</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Packing List</source>
            <translation>Списък за пакетиране</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Сесия</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Работник</translation>
        </message>
        <message>
            <source>Worker ID</source>
            <translation>Номер на работника</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>Компютър</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Край</translation>
        </message>
        <message>
            <source>Total Orders</source>
            <translation>Поръчки общо</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Продължителност</translation>
        </message>
        <message>
            <source>Completed Orders</source>
            <translation>Завършени поръчки</translation>
        </message>
        <message>
            <source>Skipped Orders</source>
            <translation>Отложени поръчки</translation>
        </message>
        <message>
            <source>Total Items</source>
            <translation>Артикули общо</translation>
        </message>
        <message>
            <source>Packed Items</source>
            <translation>Опаковани артикули</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Сесии</translation>
        </message>
    </context>
    <context>
        <name>FeedbackBanner</name>
        <message>
            <source>SCAN AN ORDER LABEL</source>
            <translation>СКАНИРАЙ ЕТИКЕТ НА ПОРЪЧКА</translation>
        </message>
        <message>
            <source>Scanned: {code}</source>
            <translation>Сканирано: {code}</translation>
        </message>
        <message>
            <source>This item belongs to order {orders} of this list: put it aside for that order.</source>
            <translation>Този артикул е от поръчка {orders} от този списък: остави го настрана за нея.</translation>
        </message>
        <message>
            <source>This item belongs to order {orders} of this list: scan that order's label first.</source>
            <translation>Този артикул е от поръчка {orders} от този списък: първо сканирай етикета на тази поръчка.</translation>
        </message>
        <message>
            <source>This item was in order {orders} of this list, already packed.</source>
            <translation>Този артикул беше в поръчка {orders} от този списък, вече опакована.</translation>
        </message>
        <message>
            <source>{orders} and {n} more</source>
            <translation>{orders} и още {n}</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Any</source>
            <translation>Всички</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Всички статуси</translation>
        </message>
        <message>
            <source>Search list, session, worker, PC…</source>
            <translation>Търси списък, сесия, работник, компютър…</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>From</source>
            <translation>От</translation>
        </message>
        <message>
            <source>To</source>
            <translation>До</translation>
        </message>
    </context>
    <context>
        <name>ItemsTable</name>
        <message>
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Продукт</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Бр.</translation>
        </message>
        <message>
            <source>Packed</source>
            <translation>Опаковани</translation>
        </message>
    </context>
    <context>
        <name>KeyCapture</name>
        <message>
            <source>Click here, then scan the test sheet</source>
            <translation>Щракни тук, после сканирай тестовия лист</translation>
        </message>
        <message>
            <source>Ready: scan the first code of the test sheet</source>
            <translation>Готово: сканирай първия код от тестовия лист</translation>
        </message>
    </context>
    <context>
        <name>LayoutNotice</name>
        <message>
            <source>Scans arrive in the {name} keyboard layout; {code} was read as meant. Switch the keyboard to English (US) (Alt+Shift).</source>
            <translation>Сканиранията идват с клавиатурна подредба {name}; {code} е прочетен правилно. Превключи клавиатурата на английски (US) (Alt+Shift).</translation>
        </message>
    </context>
    <context>
        <name>LeaderboardView</name>
        <message>
            <source>All clients</source>
            <translation>Всички клиенти</translation>
        </message>
        <message>
            <source>&amp;Client</source>
            <translation>&amp;Клиент</translation>
        </message>
        <message>
            <source>Reading the packing history…</source>
            <translation>Четене на историята на пакетирането…</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Място</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Работник</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Резултат</translation>
        </message>
        <message>
            <source>Scored orders</source>
            <translation>Оценени поръчки</translation>
        </message>
        <message>
            <source>Orders/h</source>
            <translation>Поръчки/ч</translation>
        </message>
        <message>
            <source>Units/h</source>
            <translation>Бройки/ч</translation>
        </message>
        <message>
            <source>Active time</source>
            <translation>Активно време</translation>
        </message>
        <message>
            <source>Score: the client's usual time for exactly these orders (their units, lines and products) over the packer's active time; 1.00 is the usual pace. Pauses, undo and hand-over are not packing time. Packers with fewer than {n} scored orders are listed without a rank.</source>
            <translation>Резултат: обичайното време на клиента за точно тези поръчки (бройки, редове и продукти), разделено на активното време на опаковчика; 1,00 е обичайното темпо. Паузите, отмяната и предаването на смяната не са време за пакетиране. Опаковчици с по-малко от {n} оценени поръчки са показани без място.</translation>
        </message>
        <message>
            <source>Cannot read the share: {message}</source>
            <translation>Общата папка не може да бъде прочетена: {message}</translation>
        </message>
        <message>
            <source>No ended lists with timed orders yet.</source>
            <translation>Още няма приключени списъци с поръчки с измерено време.</translation>
        </message>
        <message>
            <source>{workers} packers, {orders} orders of {lists} ended lists. Pause after {gap}.</source>
            <translation>Опаковчици: {workers}, поръчки: {orders} от приключени списъци: {lists}. Пауза след {gap}.</translation>
        </message>
        <message>
            <source>Leaderboard</source>
            <translation>Класиране</translation>
        </message>
    </context>
    <context>
        <name>LedgerParts</name>
        <message>
            <source>Order {order} was packed here while the share was away, and is also {where}. It counts once; tell a supervisor.</source>
            <translation>Поръчка {order} е опакована тук, докато общата папка не отговаряше, и освен това е {where}. Брои се веднъж; кажи на отговорника.</translation>
        </message>
        <message>
            <source>packed in another list</source>
            <translation>опакована в друг списък</translation>
        </message>
        <message>
            <source>ORDER {order} PACKED TWICE</source>
            <translation>ПОРЪЧКА {order} Е ОПАКОВАНА ДВА ПЪТИ</translation>
        </message>
        <message>
            <source>{where}. Put it aside and skip it.</source>
            <translation>{where}. Остави я настрана и я пропусни.</translation>
        </message>
        <message>
            <source>{why}. Put it aside; scan the next order label.</source>
            <translation>{why}. Остави я настрана; сканирай етикета на следващата поръчка.</translation>
        </message>
        <message>
            <source>{order}: not here</source>
            <translation>{order}: не е за тук</translation>
        </message>
    </context>
    <context>
        <name>LedgerTab</name>
        <message>
            <source>Conflicts ({n}): packed here while the share was away, and by the order ledger also packed elsewhere. Each counts once (in the other list); check that only one parcel left.</source>
            <translation>Конфликти ({n}): опаковани тук, докато общата папка не отговаряше, и според регистъра на поръчките опаковани и другаде. Всяка се брои веднъж (в другия списък); провери дали е изпратена само една пратка.</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Поръчка</translation>
        </message>
        <message>
            <source>Also packed</source>
            <translation>Опакована и</translation>
        </message>
        <message>
            <source>Packed again here on purpose ({n}); not counted a second time:</source>
            <translation>Опаковани отново тук нарочно ({n}); не се броят втори път:</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Завършена</translation>
        </message>
        <message>
            <source>By</source>
            <translation>От</translation>
        </message>
        <message>
            <source>Packed in another list ({n}), so not packed here:</source>
            <translation>Опаковани в друг списък ({n}), затова не се опаковат тук:</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Къде</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Конфликти</translation>
        </message>
        <message>
            <source>Counted orders</source>
            <translation>Отчетени поръчки</translation>
        </message>
        <message>
            <source>Packed again</source>
            <translation>Опаковани отново</translation>
        </message>
        <message>
            <source>Packed elsewhere</source>
            <translation>Опаковани другаде</translation>
        </message>
        <message>
            <source>{n} (in another list; not packed here)</source>
            <translation>{n} (в друг списък; не се опаковат тук)</translation>
        </message>
        <message>
            <source>{n} (on purpose; not counted twice)</source>
            <translation>{n} (нарочно; не се броят два пъти)</translation>
        </message>
        <message>
            <source>{n} (packed here while the share was away, and also elsewhere; counted once)</source>
            <translation>{n} (опаковани тук, докато общата папка не отговаряше, и другаде; броят се веднъж)</translation>
        </message>
        <message>
            <source>↻ packed again: {reason}</source>
            <translation>↻ опакована отново: {reason}</translation>
        </message>
        <message>
            <source>⚠ conflict: also {where}</source>
            <translation>⚠ конфликт: също {where}</translation>
        </message>
    </context>
    <context>
        <name>ListCheckDialog</name>
        <message>
            <source>Check list {list}</source>
            <translation>Проверка на списък {list}</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Какво</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>Находка</translation>
        </message>
        <message>
            <source>Not kept on the share, other PCs do not see it: {reason}</source>
            <translation>Не е запазено в общата папка и другите компютри не го виждат: {reason}</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Запази PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Затвори</translation>
        </message>
        <message>
            <source>Nothing found: the list is ready to pack.</source>
            <translation>Няма проблеми: списъкът е готов за пакетиране.</translation>
        </message>
        <message>
            <source>Save findings as PDF</source>
            <translation>Запази находките като PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF файлове (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF was not saved: {error}</source>
            <translation>PDF файлът не е запазен: {error}</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Запазено: {path}</translation>
        </message>
    </context>
    <context>
        <name>ListCheckView</name>
        <message>
            <source>Barcode {code} is mapped to SKU {sku}, but it is also the code of SKU {other}: scanning it counts as {sku}.</source>
            <translation>Баркод {code} е свързан с SKU {sku}, но е и кодът на SKU {other}: сканирането му се брои като {sku}.</translation>
        </message>
        <message>
            <source>Barcodes {code} reach SKUs {skus}: a scan of them is ambiguous.</source>
            <translation>Баркодове {code} водят до SKU {skus}: сканирането им е двусмислено.</translation>
        </message>
        <message>
            <source>Checked {when} at {station}.</source>
            <translation>Проверено {when} на {station}.</translation>
        </message>
        <message>
            <source>Checked {when}. Problems: {n}. Check list (Ctrl+K) shows them.</source>
            <translation>Проверено {when}. Проблеми: {n}. „Проверка на списъка“ (Ctrl+K) ги показва.</translation>
        </message>
        <message>
            <source>Checked {when}: no problems.</source>
            <translation>Проверено {when}: няма проблеми.</translation>
        </message>
        <message>
            <source>In another list</source>
            <translation>В друг списък</translation>
        </message>
        <message>
            <source>Left out</source>
            <translation>Изключени</translation>
        </message>
        <message>
            <source>List {list} of session {session}: {orders} orders, {units} units.</source>
            <translation>Списък {list} от сесия {session}: поръчки {orders}, бройки {units}.</translation>
        </message>
        <message>
            <source>No SKU</source>
            <translation>Без SKU</translation>
        </message>
        <message>
            <source>No barcode</source>
            <translation>Без баркод</translation>
        </message>
        <message>
            <source>Not Fulfillable</source>
            <translation>Неизпълнима</translation>
        </message>
        <message>
            <source>Nothing found.</source>
            <translation>Няма находки.</translation>
        </message>
        <message>
            <source>Only the first {kept} of {total} findings are kept.</source>
            <translation>Запазени са само първите {kept} от {total} находки.</translation>
        </message>
        <message>
            <source>Order label clash</source>
            <translation>Съвпадащи етикети на поръчки</translation>
        </message>
        <message>
            <source>Order {order} has no letters or digits a label can carry: its label cannot be scanned.</source>
            <translation>Поръчка {order} няма букви или цифри, които етикет може да носи: етикетът ѝ не може да се сканира.</translation>
        </message>
        <message>
            <source>Order {order} is Not Fulfillable: it is left out of list {list}.</source>
            <translation>Поръчка {order} е неизпълнима: изключена е от списък {list}.</translation>
        </message>
        <message>
            <source>Order {order} is already {where}.</source>
            <translation>Поръчка {order} вече е {where}.</translation>
        </message>
        <message>
            <source>Order {order} is also in list {other}.</source>
            <translation>Поръчка {order} е и в списък {other}.</translation>
        </message>
        <message>
            <source>Order {order}: SKU {sku} quantity {value} is 0; the line is left out.</source>
            <translation>Поръчка {order}: SKU {sku}, количество {value} е 0; редът е изключен.</translation>
        </message>
        <message>
            <source>Order {order}: SKU {sku} quantity {value} is a fraction; the line is left out.</source>
            <translation>Поръчка {order}: SKU {sku}, количество {value} е дробно; редът е изключен.</translation>
        </message>
        <message>
            <source>Order {order}: SKU {sku} quantity {value} is below 0; the line is left out.</source>
            <translation>Поръчка {order}: SKU {sku}, количество {value} е под 0; редът е изключен.</translation>
        </message>
        <message>
            <source>Order {order}: SKU {sku} quantity {value} is more than {big}; check it is right.</source>
            <translation>Поръчка {order}: SKU {sku}, количество {value} е повече от {big}; провери дали е вярно.</translation>
        </message>
        <message>
            <source>Order {order}: SKU {sku} quantity {value} is not a number; the line is left out.</source>
            <translation>Поръчка {order}: SKU {sku}, количество {value} не е число; редът е изключен.</translation>
        </message>
        <message>
            <source>Order {order}: SKU {sku} quantity {value} is too large to scan one by one; the line is left out.</source>
            <translation>Поръчка {order}: SKU {sku}, количество {value} е твърде голямо за сканиране бройка по бройка; редът е изключен.</translation>
        </message>
        <message>
            <source>Order {order}: the line {product} has no SKU; it is left out of list {list}.</source>
            <translation>Поръчка {order}: редът {product} няма SKU; изключен е от списък {list}.</translation>
        </message>
        <message>
            <source>Orders {orders} are the same label once normalised ({code}): scanning it is ambiguous.</source>
            <translation>Поръчки {orders} имат един и същ етикет след уеднаквяване ({code}): сканирането му е двусмислено.</translation>
        </message>
        <message>
            <source>Packed elsewhere</source>
            <translation>Опаковани другаде</translation>
        </message>
        <message>
            <source>Pre-shift check of list {list}</source>
            <translation>Проверка преди смяна на списък {list}</translation>
        </message>
        <message>
            <source>Pre-shift check of {list}</source>
            <translation>Проверка преди смяна на {list}</translation>
        </message>
        <message>
            <source>Problems: {problems}. Notes on lines left out: {notes}.</source>
            <translation>Проблеми: {problems}. Бележки за изключени редове: {notes}.</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Количество</translation>
        </message>
        <message>
            <source>SKU {sku} has no barcode the station accepts: no barcode-map entry, no stock-file barcode, and the SKU is no GTIN.</source>
            <translation>SKU {sku} няма баркод, който станцията приема: няма запис в таблицата с баркодове, няма баркод в складовия файл, а самото SKU не е GTIN.</translation>
        </message>
        <message>
            <source>SKUs {skus} read the same once normalised ({code}): a scan of either is ambiguous.</source>
            <translation>SKU {skus} се четат еднакво след уеднаквяване ({code}): сканирането на всяко от тях е двусмислено.</translation>
        </message>
        <message>
            <source>Shared barcode</source>
            <translation>Общ баркод</translation>
        </message>
        <message>
            <source>{where}: {reason}.</source>
            <translation>{where}: {reason}.</translation>
        </message>
    </context>
    <context>
        <name>LocalTime</name>
        <message>
            <source>today {time}</source>
            <translation>днес {time}</translation>
        </message>
        <message>
            <source>yesterday {time}</source>
            <translation>вчера {time}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>никога</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>току-що</translation>
        </message>
        <message>
            <source>{n} min ago</source>
            <translation>преди {n} мин</translation>
        </message>
        <message>
            <source>{n} h ago</source>
            <translation>преди {n} ч</translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>вчера</translation>
        </message>
        <message>
            <source>{n} days ago</source>
            <translation>преди {n} дни</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} ч {m} мин</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} мин {s} с</translation>
        </message>
        <message>
            <source>{s} s</source>
            <translation>{s} с</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Settings not saved</source>
            <translation>Настройките не са запазени</translation>
        </message>
        <message>
            <source>Settings saved. The server, the lock times and the language apply from the next start.</source>
            <translation>Настройките са запазени. Сървърът, времената на заключването и езикът важат от следващото стартиране.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Настройките са запазени.</translation>
        </message>
        <message>
            <source>Choose a client in the Session Browser first.</source>
            <translation>Първо избери клиент в „Сесии“.</translation>
        </message>
        <message>
            <source>Barcode mapping: client {client}</source>
            <translation>Баркодове: клиент {client}</translation>
        </message>
        <message>
            <source>Workers</source>
            <translation>Работници</translation>
        </message>
        <message>
            <source>Take over this list?</source>
            <translation>Да поема ли този списък?</translation>
        </message>
        <message>
            <source>Demo data: no server is configured. Everything here is a local practice copy in {folder}. Set the server under File → Settings.</source>
            <translation>Демо данни: няма настроен сървър. Всичко тук е локално копие за упражнение в {folder}. Сървърът се задава от Файл → Настройки.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Продължи</translation>
        </message>
        <message>
            <source>No worker</source>
            <translation>Няма работник</translation>
        </message>
        <message>
            <source>Station {name}</source>
            <translation>Станция {name}</translation>
        </message>
        <message>
            <source>Share: online</source>
            <translation>Обща папка: достъпна</translation>
        </message>
        <message>
            <source>No list open</source>
            <translation>Няма отворен списък</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>Switch worker</source>
            <translation>Смени работника</translation>
        </message>
        <message>
            <source>Pause list</source>
            <translation>Пауза на списъка</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Настройки…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Изход</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Инструменти</translation>
        </message>
        <message>
            <source>Barcode mapping…</source>
            <translation>Баркодове…</translation>
        </message>
        <message>
            <source>Workers…</source>
            <translation>Работници…</translation>
        </message>
        <message>
            <source>Leaderboard…</source>
            <translation>Класиране…</translation>
        </message>
        <message>
            <source>Scanner test…</source>
            <translation>Тест на скенера…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Изглед</translation>
        </message>
        <message>
            <source>Light theme</source>
            <translation>Светла тема</translation>
        </message>
        <message>
            <source>Dark theme</source>
            <translation>Тъмна тема</translation>
        </message>
        <message>
            <source>Session Browser</source>
            <translation>Сесии</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Помощ</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>Отвори папката с дневници</translation>
        </message>
        <message>
            <source>About</source>
            <translation>Относно</translation>
        </message>
        <message>
            <source>Packing Tool {version}
Share: {folder}</source>
            <translation>Packing Tool {version}
Обща папка: {folder}</translation>
        </message>
        <message>
            <source>Finish or skip the current order before another worker takes over.</source>
            <translation>Завърши или отложи текущата поръчка, преди друг работник да поеме.</translation>
        </message>
        <message>
            <source>{name} now packs at this station.</source>
            <translation>{name} вече пакетира на тази станция.</translation>
        </message>
        <message>
            <source>Worker: {name}</source>
            <translation>Работник: {name}</translation>
        </message>
        <message>
            <source>Resuming {name} of session {session}: the program stopped on this PC while it was open.</source>
            <translation>Продължава {name} от сесия {session}: програмата спря на този компютър, докато списъкът беше отворен.</translation>
        </message>
        <message>
            <source>Unfinished on this station: {list} of session {session}, client {client}, last by {name}.</source>
            <translation>Незавършен на тази станция: {list} от сесия {session}, клиент {client}, последно от {name}.</translation>
        </message>
        <message>
            <source>(and {n} more)</source>
            <translation>(и още {n})</translation>
        </message>
        <message>
            <source>Opening {list}…</source>
            <translation>Отваряне на {list}…</translation>
        </message>
        <message>
            <source>The list's lock is stale: {lock}.</source>
            <translation>Заключването на списъка е замряло: {lock}.</translation>
        </message>
        <message>
            <source>{why}

Take the list over? The other station will be told and will stop writing. This is recorded.</source>
            <translation>{why}

Да поема ли списъка? Другата станция ще бъде уведомена и ще спре да записва. Това се записва.</translation>
        </message>
        <message>
            <source>Not taken over.</source>
            <translation>Списъкът не е поет.</translation>
        </message>
        <message>
            <source>Ending the list…</source>
            <translation>Приключване на списъка…</translation>
        </message>
        <message>
            <source>Share: OFFLINE, 1 scan waiting on this PC</source>
            <translation>Обща папка: НЯМА ВРЪЗКА, 1 сканиране чака на този компютър</translation>
        </message>
        <message>
            <source>Share: OFFLINE, {n} scans waiting on this PC</source>
            <translation>Обща папка: НЯМА ВРЪЗКА, {n} сканирания чакат на този компютър</translation>
        </message>
        <message>
            <source>Share: list taken over</source>
            <translation>Обща папка: списъкът е поет от друг</translation>
        </message>
        <message>
            <source>Lock: LOST</source>
            <translation>Заключване: ЗАГУБЕНО</translation>
        </message>
        <message>
            <source>This list was taken over by another station: {why}. Nothing more is saved.</source>
            <translation>Този списък е поет от друга станция: {why}. Нищо повече не се записва.</translation>
        </message>
        <message>
            <source>LIST TAKEN OVER</source>
            <translation>СПИСЪКЪТ Е ПОЕТ ОТ ДРУГ</translation>
        </message>
        <message>
            <source>Another station took this list over: nothing more is saved here.</source>
            <translation>Друга станция пое този списък: тук нищо повече не се записва.</translation>
        </message>
        <message>
            <source>List: {list}</source>
            <translation>Списък: {list}</translation>
        </message>
        <message>
            <source>List: {list}: LOCK LOST</source>
            <translation>Списък: {list}: ЗАКЛЮЧВАНЕТО Е ЗАГУБЕНО</translation>
        </message>
        <message>
            <source>{list} of session {session} is open; this station holds its lock.</source>
            <translation>{list} от сесия {session} е отворен; тази станция държи заключването му.</translation>
        </message>
    </context>
    <context>
        <name>OfflineBanner</name>
        <message>
            <source>1 scan waiting on this PC</source>
            <translation>1 сканиране чака на този компютър</translation>
        </message>
        <message>
            <source>{n} scans waiting on this PC</source>
            <translation>{n} сканирания чакат на този компютър</translation>
        </message>
        <message>
            <source>SHARE OFFLINE: {share} (last seen {time}). {scans}. Keep packing: every scan is kept here and sent when the share answers.</source>
            <translation>НЯМА ВРЪЗКА С ОБЩАТА ПАПКА: {share} (последно {time}). {scans}. Продължавай да пакетираш: всяко сканиране се пази тук и се изпраща, щом папката отговори.</translation>
        </message>
        <message>
            <source>Share {share} answers again: sending the {n} scans waiting on this PC…</source>
            <translation>Общата папка {share} отговаря отново: изпращат се {n} чакащи сканирания от този компютър…</translation>
        </message>
    </context>
    <context>
        <name>OrderPanel</name>
        <message>
            <source>Box {box}</source>
            <translation>Кутия {box}</translation>
        </message>
        <message>
            <source>Scan an order label to start.</source>
            <translation>Сканирай етикет на поръчка, за да започнеш.</translation>
        </message>
        <message>
            <source>Order {order}</source>
            <translation>Поръчка {order}</translation>
        </message>
        <message>
            <source>No order open</source>
            <translation>Няма отворена поръчка</translation>
        </message>
    </context>
    <context>
        <name>OrdersTab</name>
        <message>
            <source>Order / Scan</source>
            <translation>Поръчка / сканиране</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Час</translation>
        </message>
        <message>
            <source>From start</source>
            <translation>От началото</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Бройки</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Работник</translation>
        </message>
        <message>
            <source>Marks</source>
            <translation>Отметки</translation>
        </message>
        <message>
            <source>▶ order</source>
            <translation>▶ поръчка</translation>
        </message>
        <message>
            <source>✓ scan</source>
            <translation>✓ сканиране</translation>
        </message>
        <message>
            <source>✓ completes order</source>
            <translation>✓ завършва поръчката</translation>
        </message>
        <message>
            <source>✎ manual</source>
            <translation>✎ ръчно</translation>
        </message>
        <message>
            <source>+ extra</source>
            <translation>+ излишен</translation>
        </message>
        <message>
            <source>⟲ undo</source>
            <translation>⟲ отмяна</translation>
        </message>
        <message>
            <source>? unknown</source>
            <translation>? непознат</translation>
        </message>
        <message>
            <source>✗ wrong item</source>
            <translation>✗ грешен артикул</translation>
        </message>
        <message>
            <source>⇥ skipped</source>
            <translation>⇥ отложена</translation>
        </message>
        <message>
            <source>⇄ handover</source>
            <translation>⇄ смяна на работника</translation>
        </message>
        <message>
            <source>· ignored</source>
            <translation>· пренебрегнато</translation>
        </message>
        <message>
            <source>↻ packed again</source>
            <translation>↻ опакована отново</translation>
        </message>
        <message>
            <source>✔ second check</source>
            <translation>✔ втора проверка</translation>
        </message>
        <message>
            <source>⚠ second check skipped</source>
            <translation>⚠ втората проверка е пропусната</translation>
        </message>
        <message>
            <source>⟲ {} undo</source>
            <translation>⟲ {} отмени</translation>
        </message>
        <message>
            <source>+ {} extra</source>
            <translation>+ {} излишни</translation>
        </message>
        <message>
            <source>✗ {} wrong</source>
            <translation>✗ {} грешни</translation>
        </message>
        <message>
            <source>? {} unknown/wrong</source>
            <translation>? {} непознати/грешни</translation>
        </message>
        <message>
            <source>✎ {} manual</source>
            <translation>✎ {} ръчно</translation>
        </message>
        <message>
            <source>⚠ second check skipped: {}</source>
            <translation>⚠ втората проверка е пропусната: {}</translation>
        </message>
        <message>
            <source>✔ checked by {}</source>
            <translation>✔ проверена от {}</translation>
        </message>
        <message>
            <source>Filter by order number…</source>
            <translation>Филтър по номер на поръчка…</translation>
        </message>
        <message>
            <source>&amp;Expand all</source>
            <translation>&amp;Разгъни всички</translation>
        </message>
        <message>
            <source>C&amp;ollapse all</source>
            <translation>&amp;Свий всички</translation>
        </message>
        <message>
            <source>(no order)</source>
            <translation>(без поръчка)</translation>
        </message>
        <message>
            <source>{n} scan(s) matched no order</source>
            <translation>сканирания без поръчка: {n}</translation>
        </message>
        <message>
            <source> (undone)</source>
            <translation> (отменено)</translation>
        </message>
        <message>
            <source>Showing {shown} of {total} orders</source>
            <translation>Показани {shown} от {total} поръчки</translation>
        </message>
    </context>
    <context>
        <name>PackerDialogs</name>
        <message>
            <source>Barcode will not scan</source>
            <translation>Баркодът не се сканира</translation>
        </message>
        <message>
            <source>No barcode on the item</source>
            <translation>Артикулът няма баркод</translation>
        </message>
        <message>
            <source>Barcode not known to the system</source>
            <translation>Баркодът не е познат на системата</translation>
        </message>
        <message>
            <source>Item checked by eye (supervisor)</source>
            <translation>Артикулът е проверен на око (отговорник)</translation>
        </message>
        <message>
            <source>Confirm {sku} ({title}) without scanning.
Why? (recorded with your name)</source>
            <translation>Потвърди {sku} ({title}) без сканиране.
Защо? (записва се с твоето име)</translation>
        </message>
        <message>
            <source>Confirm by hand</source>
            <translation>Потвърди ръчно</translation>
        </message>
        <message>
            <source>How many units of {sku} are in the box?</source>
            <translation>Колко бройки от {sku} има в кутията?</translation>
        </message>
        <message>
            <source>Every order is packed ({n} of them packed elsewhere).

End the session and record the statistics?</source>
            <translation>Всички поръчки са опаковани ({n} от тях другаде).

Да приключа ли сесията и да запиша статистиката?</translation>
        </message>
        <message>
            <source>Every order is packed.

End the session and record the statistics?</source>
            <translation>Всички поръчки са опаковани.

Да приключа ли сесията и да запиша статистиката?</translation>
        </message>
        <message>
            <source>{n} order(s) are not packed yet</source>
            <translation>Неопаковани поръчки: {n}</translation>
        </message>
        <message>
            <source>{n} of them set aside</source>
            <translation>от тях отложени: {n}</translation>
        </message>
        <message>
            <source>order {order} is open</source>
            <translation>поръчка {order} е отворена</translation>
        </message>
        <message>
            <source>{n} other(s) are packed elsewhere</source>
            <translation>опаковани другаде: {n}</translation>
        </message>
        <message>
            <source>.

End the session anyway? They stay unpacked.</source>
            <translation>.

Да приключа ли сесията въпреки това? Те остават неопаковани.</translation>
        </message>
        <message>
            <source>End session</source>
            <translation>Приключи сесията</translation>
        </message>
    </context>
    <context>
        <name>PackerMode</name>
        <message>
            <source>NOTHING TO CONFIRM</source>
            <translation>НЯМА КАКВО ДА СЕ ПОТВЪРДИ</translation>
        </message>
        <message>
            <source>every line of this order is packed</source>
            <translation>всички редове на тази поръчка са опаковани</translation>
        </message>
        <message>
            <source>Not ended: a scan came while the question was open and was processed. End again ({key}) when ready.</source>
            <translation>Не е приключено: докато въпросът беше отворен, дойде сканиране и беше обработено. Приключи отново ({key}), когато си готов.</translation>
        </message>
        <message>
            <source>NOT RECORDED — TRY AGAIN</source>
            <translation>НЕ Е ЗАПИСАНО — ОПИТАЙ ОТНОВО</translation>
        </message>
        <message>
            <source>Every order is packed ({n} of them elsewhere): end the session ({key}).</source>
            <translation>Всички поръчки са опаковани ({n} от тях другаде): приключи сесията ({key}).</translation>
        </message>
        <message>
            <source>Every order is packed: end the session ({key}).</source>
            <translation>Всички поръчки са опаковани: приключи сесията ({key}).</translation>
        </message>
        <message>
            <source>Scan every item of this order.</source>
            <translation>Сканирай всеки артикул от тази поръчка.</translation>
        </message>
        <message>
            <source>Packed again ({reason}): scan every item of this order.</source>
            <translation>Пакетира се отново ({reason}): сканирай всеки артикул от тази поръчка.</translation>
        </message>
        <message>
            <source>Order {order} set aside ({packed} of {total} units). Scan its label to resume, or scan the next order.</source>
            <translation>Поръчка {order} е отложена ({packed} от {total} бр.). Сканирай етикета ѝ, за да продължиш, или сканирай следващата поръчка.</translation>
        </message>
        <message>
            <source>Skipped {order}</source>
            <translation>Отложена {order}</translation>
        </message>
        <message>
            <source>Complete. Scan the next order label.</source>
            <translation>Готово. Сканирай етикета на следващата поръчка.</translation>
        </message>
        <message>
            <source>EXTRA: {items}. Take it out (Remove) or keep it (Keep).</source>
            <translation>ИЗЛИШЕН: {items}. Извади го („Извади излишния“) или го остави („Остави излишния“).</translation>
        </message>
        <message>
            <source>ORDER {order} OPEN</source>
            <translation>ПОРЪЧКА {order} Е ОТВОРЕНА</translation>
        </message>
        <message>
            <source>{packed} of {total} units packed earlier</source>
            <translation>{packed} от {total} бр. опаковани по-рано</translation>
        </message>
    </context>
    <context>
        <name>PackerScreen</name>
        <message>
            <source>Undo</source>
            <translation>Отмени</translation>
        </message>
        <message>
            <source>Confirm by hand</source>
            <translation>Потвърди ръчно</translation>
        </message>
        <message>
            <source>Skip order</source>
            <translation>Отложи</translation>
        </message>
        <message>
            <source>Pack again…</source>
            <translation>Пакетирай отново…</translation>
        </message>
        <message>
            <source>Keep extra</source>
            <translation>Остави излишния</translation>
        </message>
        <message>
            <source>Remove extra</source>
            <translation>Извади излишния</translation>
        </message>
        <message>
            <source>End session</source>
            <translation>Приключи сесията</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>elsewhere: {place}</source>
            <translation>другаде: {place}</translation>
        </message>
        <message>
            <source>packed elsewhere: {place}</source>
            <translation>опакована другаде: {place}</translation>
        </message>
        <message>
            <source>being packed elsewhere: {place}</source>
            <translation>пакетира се другаде: {place}</translation>
        </message>
        <message>
            <source>Order: —</source>
            <translation>Поръчка: —</translation>
        </message>
        <message>
            <source>Order {order}: {packed} / {total} units</source>
            <translation>Поръчка {order}: {packed} / {total} бр.</translation>
        </message>
        <message>
            <source>{done} packed here, {elsewhere} packed elsewhere, of {total} orders</source>
            <translation>{done} опаковани тук, {elsewhere} другаде, от {total} поръчки</translation>
        </message>
        <message>
            <source>{done} / {total} orders</source>
            <translation>{done} / {total} поръчки</translation>
        </message>
        <message>
            <source>Session: {orders} · {packed} / {total} units</source>
            <translation>Сесия: {orders} · {packed} / {total} бр.</translation>
        </message>
        <message>
            <source>Set aside ({n}): {orders}</source>
            <translation>Отложени ({n}): {orders}</translation>
        </message>
        <message>
            <source>Packed elsewhere ({n}): {orders}</source>
            <translation>Опаковани другаде ({n}): {orders}</translation>
        </message>
        <message>
            <source>Conflicts ({n}): packed here while the share was away and also packed elsewhere: {orders}. They count once; tell a supervisor.</source>
            <translation>Конфликти ({n}): опаковани тук, докато общата папка не отговаряше, и опаковани и другаде: {orders}. Броят се веднъж; кажи на отговорника.</translation>
        </message>
        <message>
            <source>Packer: {name}</source>
            <translation>Опаковчик: {name}</translation>
        </message>
    </context>
    <context>
        <name>RemainingOrdersPanel</name>
        <message>
            <source>Order</source>
            <translation>Поръчка</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>Куриер</translation>
        </message>
        <message>
            <source>Box</source>
            <translation>Кутия</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Тагове</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Артикули</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Къде</translation>
        </message>
        <message>
            <source>Orders to pack ({n}) · {key} hides this list</source>
            <translation>Поръчки за пакетиране ({n}) · {key} скрива списъка</translation>
        </message>
        <message>
            <source>{packed} / {units} · set aside</source>
            <translation>{packed} / {units} · отложена</translation>
        </message>
        <message>
            <source>{packed} / {units} · open</source>
            <translation>{packed} / {units} · отворена</translation>
        </message>
        <message>
            <source>Packed or being packed elsewhere ({n}): do not pack them here</source>
            <translation>Опаковани или пакетирани другаде ({n}): не ги пакетирай тук</translation>
        </message>
    </context>
    <context>
        <name>RepackDialog</name>
        <message>
            <source>Parcel damaged</source>
            <translation>Пратката е повредена</translation>
        </message>
        <message>
            <source>Wrong or missing item found in the parcel</source>
            <translation>В пратката има грешен или липсващ артикул</translation>
        </message>
        <message>
            <source>Parcel lost before pick-up</source>
            <translation>Пратката е изгубена преди вземането от куриера</translation>
        </message>
        <message>
            <source>Customer changed the order (supervisor)</source>
            <translation>Клиентът промени поръчката (отговорник)</translation>
        </message>
        <message>
            <source>Pack an order again</source>
            <translation>Пакетиране на поръчка отново</translation>
        </message>
        <message>
            <source>scan or type the order label</source>
            <translation>сканирай или въведи етикета на поръчката</translation>
        </message>
        <message>
            <source>why? (required, recorded with your name)</source>
            <translation>защо? (задължително, записва се с твоето име)</translation>
        </message>
        <message>
            <source>Pack again</source>
            <translation>Пакетирай отново</translation>
        </message>
        <message>
            <source>The order opens again to be packed from the start. It is not counted a second time; the reason is recorded with your name.</source>
            <translation>Поръчката се отваря отново и се пакетира от началото. Не се брои втори път; причината се записва с твоето име.</translation>
        </message>
        <message>
            <source>Order label</source>
            <translation>Етикет на поръчката</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
    </context>
    <context>
        <name>ScanInput</name>
        <message>
            <source>Scan an order label or an item barcode</source>
            <translation>Сканирай етикет на поръчка или баркод на артикул</translation>
        </message>
    </context>
    <context>
        <name>ScannerTestDialog</name>
        <message>
            <source>Scanner test</source>
            <translation>Тест на скенера</translation>
        </message>
        <message>
            <source>Print the test sheet, click the box below and scan each code on it once. The station says what the scanner sends wrong and how to fix it.</source>
            <translation>Отпечатай тестовия лист, щракни в полето отдолу и сканирай всеки код от листа по веднъж. Станцията казва какво скенерът изпраща грешно и как да се оправи.</translation>
        </message>
        <message>
            <source>A4 sheet</source>
            <translation>Лист A4</translation>
        </message>
        <message>
            <source>Labels 68×38 mm</source>
            <translation>Етикети 68×38 мм</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Запази PDF…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Печат…</translation>
        </message>
        <message>
            <source>Start again</source>
            <translation>Започни отначало</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Затвори</translation>
        </message>
        <message>
            <source>Nothing scanned yet.</source>
            <translation>Още нищо не е сканирано.</translation>
        </message>
        <message>
            <source>So far so good: scan the codes not ticked yet.</source>
            <translation>Дотук е наред: сканирай кодовете, които още не са отметнати.</translation>
        </message>
        <message>
            <source>Scanner OK: every code arrived as printed, with Enter after it.</source>
            <translation>Скенерът е наред: всеки код пристигна както е отпечатан, с Enter след него.</translation>
        </message>
        <message>
            <source>{cps} characters a second</source>
            <translation>{cps} знака в секунда</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>липсва</translation>
        </message>
        <message>
            <source>English (US)</source>
            <translation>английска (US)</translation>
        </message>
        <message>
            <source>Reads: {n} · layout: {layout} · after each code: {end} · speed: {speed}</source>
            <translation>Прочитания: {n} · подредба: {layout} · след всеки код: {end} · скорост: {speed}</translation>
        </message>
        <message>
            <source>Save test sheet</source>
            <translation>Запази тестовия лист</translation>
        </message>
    </context>
    <context>
        <name>ScannerWords</name>
        <message>
            <source>Bulgarian (BDS)</source>
            <translation>българска (БДС)</translation>
        </message>
        <message>
            <source>Bulgarian (phonetic)</source>
            <translation>българска (фонетична)</translation>
        </message>
        <message>
            <source>Bulgarian (phonetic, 2006)</source>
            <translation>българска (фонетична, 2006)</translation>
        </message>
        <message>
            <source>Caps Lock is on: press Caps Lock once so its light goes off.</source>
            <translation>Caps Lock е включен: натисни Caps Lock веднъж, за да изгасне светлинката.</translation>
        </message>
        <message>
            <source>Caps Lock on</source>
            <translation>включен Caps Lock</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>руска</translation>
        </message>
        <message>
            <source>Scanner OK, {cps} chars/s, tested {at}</source>
            <translation>Скенер: наред, {cps} знака/с, тестван {at}</translation>
        </message>
        <message>
            <source>Scanner not tested</source>
            <translation>Скенерът не е тестван</translation>
        </message>
        <message>
            <source>Scanner: {problem}, tested {at}</source>
            <translation>Скенер: {problem}, тестван {at}</translation>
        </message>
        <message>
            <source>The keyboard layout is {name}: switch it to English (US) with Alt+Shift or Win+Space (or the language button on the taskbar), then scan again.</source>
            <translation>Клавиатурната подредба е {name}: превключи я на английска (US) с Alt+Shift или Win+Space (или с бутона за език в лентата на задачите) и сканирай отново.</translation>
        </message>
        <message>
            <source>The last scanner test of this station (Tools → Scanner test…)</source>
            <translation>Последният тест на скенера на тази станция (Инструменти → Тест на скенера…)</translation>
        </message>
        <message>
            <source>The scanner puts "{text}" after each code. Turn off its suffix (keep only Enter).</source>
            <translation>Скенерът добавя „{text}“ след всеки код. Изключи тази наставка (остави само Enter).</translation>
        </message>
        <message>
            <source>The scanner puts "{text}" before each code. Turn off its prefix in the scanner's manual.</source>
            <translation>Скенерът добавя „{text}“ пред всеки код. Изключи тази представка по ръководството на скенера.</translation>
        </message>
        <message>
            <source>The scanner read {code} twice at once. Turn on "same code delay" / re-read timeout in the scanner's manual.</source>
            <translation>Скенерът прочете {code} два пъти наведнъж. Включи „same code delay“ / времето за повторно четене по ръководството на скенера.</translation>
        </message>
        <message>
            <source>The scanner sends no Enter after a code, so codes run together. Scan the "Add Enter suffix" (CR) setting code in the scanner's manual.</source>
            <translation>Скенерът не изпраща Enter след кода и кодовете се сливат. Сканирай настройката „Add Enter suffix“ (CR) от ръководството на скенера.</translation>
        </message>
        <message>
            <source>The scanner types slowly ({cps} characters a second). Set its inter-character delay to none.</source>
            <translation>Скенерът пише бавно ({cps} знака в секунда). Настрой забавянето между знаците на нула.</translation>
        </message>
        <message>
            <source>These codes are not on the test sheet: scan the codes of the printed test sheet.</source>
            <translation>Тези кодове не са от тестовия лист: сканирай кодовете от отпечатания тестов лист.</translation>
        </message>
        <message>
            <source>codes not from the test sheet</source>
            <translation>кодове извън тестовия лист</translation>
        </message>
        <message>
            <source>double reads</source>
            <translation>двойни прочитания</translation>
        </message>
        <message>
            <source>keyboard layout {name}</source>
            <translation>клавиатурна подредба {name}</translation>
        </message>
        <message>
            <source>no Enter after codes</source>
            <translation>няма Enter след кодовете</translation>
        </message>
        <message>
            <source>not English (US)</source>
            <translation>не е английска (US)</translation>
        </message>
        <message>
            <source>prefix before codes</source>
            <translation>представка пред кодовете</translation>
        </message>
        <message>
            <source>slow, {cps} chars/s</source>
            <translation>бавен, {cps} знака/с</translation>
        </message>
        <message>
            <source>suffix after codes</source>
            <translation>наставка след кодовете</translation>
        </message>
        <message>
            <source>test not finished</source>
            <translation>тестът не е завършен</translation>
        </message>
    </context>
    <context>
        <name>SecondCheckFlow</name>
        <message>
            <source>order value {value}</source>
            <translation>стойност на поръчката {value}</translation>
        </message>
        <message>
            <source>tag {value}</source>
            <translation>таг {value}</translation>
        </message>
        <message>
            <source>SKU {value}</source>
            <translation>SKU {value}</translation>
        </message>
        <message>
            <source>random sample of {value} %</source>
            <translation>случайна извадка от {value} %</translation>
        </message>
        <message>
            <source>WORKERS NOT READ</source>
            <translation>РАБОТНИЦИТЕ НЕ СА ПРОЧЕТЕНИ</translation>
        </message>
        <message>
            <source>UNKNOWN WORKER CARD</source>
            <translation>НЕПОЗНАТА КАРТА НА РАБОТНИК</translation>
        </message>
        <message>
            <source>No worker {code} in the workers list.</source>
            <translation>Няма работник {code} в списъка с работници.</translation>
        </message>
        <message>
            <source>WORKER CARD: {name}</source>
            <translation>КАРТА НА РАБОТНИК: {name}</translation>
        </message>
        <message>
            <source>No order waits for a second check now.</source>
            <translation>В момента няма поръчка, която чака втора проверка.</translation>
        </message>
        <message>
            <source>NOT BY THE PACKER</source>
            <translation>НЕ ОТ ОПАКОВЧИКА</translation>
        </message>
        <message>
            <source>{name} packed order {order}: another worker must check it.</source>
            <translation>{name} опакова поръчка {order}: друг работник трябва да я провери.</translation>
        </message>
        <message>
            <source>CHECK BY {name}</source>
            <translation>ПРОВЕРКА ОТ {name}</translation>
        </message>
        <message>
            <source>{name}: look into the box, then scan the label of order {order} to confirm the check.</source>
            <translation>{name}: погледни в кутията, после сканирай етикета на поръчка {order}, за да потвърдиш проверката.</translation>
        </message>
        <message>
            <source>NO SECOND CHECK NOW</source>
            <translation>СЕГА НЯМА ВТОРА ПРОВЕРКА</translation>
        </message>
        <message>
            <source>flagged earlier</source>
            <translation>отбелязана по-рано</translation>
        </message>
        <message>
            <source>Second check after packing ({reasons}), not {packers}</source>
            <translation>Втора проверка след пакетирането ({reasons}), не {packers}</translation>
        </message>
        <message>
            <source>Order {order} ({reasons}): every item is in the box. Another worker, not {names}, scans their worker card, then this order's label. No card: {pick}. Supervisor: {skip} skips the check with a reason.</source>
            <translation>Поръчка {order} ({reasons}): всички артикули са в кутията. Друг работник, не {names}, сканира своята карта, после етикета на поръчката. Без карта: {pick}. Отговорник: {skip} пропуска проверката с причина.</translation>
        </message>
        <message>
            <source>Order value rule inactive: this list has no prices</source>
            <translation>Правилото за стойност на поръчката не действа: списъкът няма цени</translation>
        </message>
        <message>
            <source>SECOND CHECK NEEDED</source>
            <translation>НУЖНА Е ВТОРА ПРОВЕРКА</translation>
        </message>
    </context>
    <context>
        <name>SessionBrowser</name>
        <message>
            <source>↻ Refresh</source>
            <translation>↻ Обнови</translation>
        </message>
        <message>
            <source>Auto-refresh (30 s)</source>
            <translation>Автоматично обновяване (30 с)</translation>
        </message>
        <message>
            <source>Clients</source>
            <translation>Клиенти</translation>
        </message>
        <message>
            <source>No client selected</source>
            <translation>Няма избран клиент</translation>
        </message>
        <message>
            <source>Select a list to see its details.</source>
            <translation>Избери списък, за да видиш подробностите.</translation>
        </message>
        <message>
            <source>▶ Start packing</source>
            <translation>▶ Започни пакетиране</translation>
        </message>
        <message>
            <source>↩ Resume</source>
            <translation>↩ Продължи</translation>
        </message>
        <message>
            <source>Take over…</source>
            <translation>Поеми…</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
        <message>
            <source>Check list</source>
            <translation>Провери списъка</translation>
        </message>
        <message>
            <source>Pre-shift check of the selected list: barcodes, order labels, orders elsewhere, quantities (Ctrl+K)</source>
            <translation>Проверка преди смяна на избрания списък: баркодове, етикети на поръчки, поръчки другаде, количества (Ctrl+K)</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Експорт в CSV</translation>
        </message>
        <message>
            <source>Export Excel</source>
            <translation>Експорт в Excel</translation>
        </message>
        <message>
            <source>No clients on this share</source>
            <translation>В тази обща папка няма клиенти</translation>
        </message>
        <message>
            <source>Client {client}</source>
            <translation>Клиент {client}</translation>
        </message>
        <message>
            <source>Refreshing…</source>
            <translation>Обновяване…</translation>
        </message>
        <message>
            <source>Client {client} · {counts}</source>
            <translation>Клиент {client} · {counts}</translation>
        </message>
        <message>
            <source>Last refreshed {time} ({n} lists)</source>
            <translation>Последно обновяване {time} (списъци: {n})</translation>
        </message>
        <message>
            <source>Refresh failed: {reason}</source>
            <translation>Обновяването не успя: {reason}</translation>
        </message>
        <message>
            <source>Reading the sessions from the share: {read} of {total}, newest first…</source>
            <translation>Сесиите се четат от общата папка: {read} от {total}, най-новите първо…</translation>
        </message>
        <message>
            <source>Refreshing… (waiting for the share for {seconds} s)</source>
            <translation>Обновяване… (чакане на общата папка от {seconds} с)</translation>
        </message>
        <message>
            <source>Checking list {list}…</source>
            <translation>Проверка на списък {list}…</translation>
        </message>
        <message>
            <source>Check of {list} failed: {reason}</source>
            <translation>Проверката на {list} не успя: {reason}</translation>
        </message>
        <message>
            <source>Checked {list}. Problems: {n}</source>
            <translation>Проверен {list}. Проблеми: {n}</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV файлове (*.csv)</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel файлове (*.xlsx)</translation>
        </message>
        <message>
            <source>Export sessions</source>
            <translation>Експорт на сесиите</translation>
        </message>
        <message>
            <source>Exporting {n} rows…</source>
            <translation>Експорт на {n} реда…</translation>
        </message>
        <message>
            <source>Exported {n} rows to {file}</source>
            <translation>Експортирани {n} реда в {file}</translation>
        </message>
        <message>
            <source>Export failed: {reason}</source>
            <translation>Експортът не успя: {reason}</translation>
        </message>
    </context>
    <context>
        <name>SessionDetailsDialog</name>
        <message>
            <source>final figures</source>
            <translation>окончателни данни</translation>
        </message>
        <message>
            <source>live: counted from the scans so far</source>
            <translation>в ход: преброено от сканиранията досега</translation>
        </message>
        <message>
            <source>packed with an older version of the program</source>
            <translation>пакетиран с по-стара версия на програмата</translation>
        </message>
        <message>
            <source>nothing packed yet</source>
            <translation>още нищо не е опаковано</translation>
        </message>
        <message>
            <source>Average time per order</source>
            <translation>Средно време за поръчка</translation>
        </message>
        <message>
            <source>Fastest order</source>
            <translation>Най-бърза поръчка</translation>
        </message>
        <message>
            <source>Slowest order</source>
            <translation>Най-бавна поръчка</translation>
        </message>
        <message>
            <source>Average time to first scan</source>
            <translation>Средно време до първото сканиране</translation>
        </message>
        <message>
            <source>Average time per item</source>
            <translation>Средно време за артикул</translation>
        </message>
        <message>
            <source>Orders per hour</source>
            <translation>Поръчки на час</translation>
        </message>
        <message>
            <source>Items per hour</source>
            <translation>Артикули на час</translation>
        </message>
        <message>
            <source>Corrections (undo)</source>
            <translation>Корекции (отмяна)</translation>
        </message>
        <message>
            <source>Corrections per order</source>
            <translation>Корекции на поръчка</translation>
        </message>
        <message>
            <source>Extra scans</source>
            <translation>Излишни сканирания</translation>
        </message>
        <message>
            <source>Unknown or wrong scans</source>
            <translation>Непознати или грешни сканирания</translation>
        </message>
        <message>
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Наименование</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Поръчки</translation>
        </message>
        <message>
            <source>Packed</source>
            <translation>Опаковани</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Нужни</translation>
        </message>
        <message>
            <source>Scanned</source>
            <translation>Сканирани</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>Ръчно</translation>
        </message>
        <message>
            <source>Avg s/unit</source>
            <translation>Средно с/бр.</translation>
        </message>
        <message>
            <source>Misscans</source>
            <translation>Грешни сканирания</translation>
        </message>
        <message>
            <source>s</source>
            <translation>с</translation>
        </message>
        <message>
            <source>Session Details: {session} · {list}</source>
            <translation>Подробности за сесия: {session} · {list}</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Зареждане…</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>&amp;Експорт…</translation>
        </message>
        <message>
            <source>↻ &amp;Refresh</source>
            <translation>↻ &amp;Обнови</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Затвори</translation>
        </message>
        <message>
            <source>Export this tab's table to CSV</source>
            <translation>Експорт на таблицата на този раздел в CSV</translation>
        </message>
        <message>
            <source>This tab has no rows to export.</source>
            <translation>В този раздел няма редове за експорт.</translation>
        </message>
        <message>
            <source>Exporting {n} rows…</source>
            <translation>Експорт на {n} реда…</translation>
        </message>
        <message>
            <source>Export failed: {reason}</source>
            <translation>Експортът не успя: {reason}</translation>
        </message>
        <message>
            <source>Exported {n} rows to {file}</source>
            <translation>Експортирани {n} реда в {file}</translation>
        </message>
        <message>
            <source>Cannot read this list: {reason}</source>
            <translation>Списъкът не може да бъде прочетен: {reason}</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Общо</translation>
        </message>
        <message>
            <source>Orders ({n})</source>
            <translation>Поръчки ({n})</translation>
        </message>
        <message>
            <source>Packed once</source>
            <translation>Опаковани веднъж</translation>
        </message>
        <message>
            <source>Metrics</source>
            <translation>Показатели</translation>
        </message>
        <message>
            <source>SKUs</source>
            <translation>SKU</translation>
        </message>
        <message>
            <source>{name} ({units} units, {orders} orders)</source>
            <translation>{name} ({units} бр., поръчки: {orders})</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Сесия</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Клиент</translation>
        </message>
        <message>
            <source>Packing list</source>
            <translation>Списък за пакетиране</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Работник</translation>
        </message>
        <message>
            <source>Workers</source>
            <translation>Работници</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>Компютър</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Край</translation>
        </message>
        <message>
            <source>Packing time</source>
            <translation>Време за пакетиране</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Отложени</translation>
        </message>
        <message>
            <source>Started, not finished</source>
            <translation>Започнати, незавършени</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Бройки</translation>
        </message>
        <message>
            <source>Distinct SKUs</source>
            <translation>Различни SKU</translation>
        </message>
        <message>
            <source>Second checks</source>
            <translation>Втори проверки</translation>
        </message>
        <message>
            <source>{checked} checked by a second worker, {skipped} skipped (Orders tab)</source>
            <translation>{checked} проверени от втори работник, {skipped} пропуснати (раздел „Поръчки“)</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Заключване</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Бележка</translation>
        </message>
        <message>
            <source>Live figures: the list is not ended, they grow as it is packed.</source>
            <translation>Текущи данни: списъкът не е приключен и те растат с пакетирането.</translation>
        </message>
        <message>
            <source>Units and orders per hour</source>
            <translation>Бройки и поръчки на час</translation>
        </message>
        <message>
            <source>count</source>
            <translation>брой</translation>
        </message>
        <message>
            <source>Order durations (in completion order)</source>
            <translation>Време за поръчка (по реда на завършване)</translation>
        </message>
        <message>
            <source>order</source>
            <translation>поръчка</translation>
        </message>
        <message>
            <source>seconds</source>
            <translation>секунди</translation>
        </message>
        <message>
            <source>active seconds</source>
            <translation>активни секунди</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Поръчка</translation>
        </message>
        <message>
            <source>Seconds</source>
            <translation>Секунди</translation>
        </message>
        <message>
            <source>s/unit</source>
            <translation>с/бр.</translation>
        </message>
        <message>
            <source>First scan s</source>
            <translation>Първо скан., с</translation>
        </message>
        <message>
            <source>Hour</source>
            <translation>Час</translation>
        </message>
        <message>
            <source>{sku} ({value} s/unit)</source>
            <translation>{sku} ({value} с/бр.)</translation>
        </message>
        <message>
            <source>Slowest SKUs: {skus}</source>
            <translation>Най-бавни SKU: {skus}</translation>
        </message>
        <message>
            <source>Most misscanned: {skus}</source>
            <translation>Най-често грешно сканирани: {skus}</translation>
        </message>
        <message>
            <source>This summary has no per-SKU figures (it was packed with an older version of the program).</source>
            <translation>Това обобщение няма данни по SKU (пакетирано е с по-стара версия на програмата).</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV файлове (*.csv)</translation>
        </message>
        <message>
            <source>Export this tab</source>
            <translation>Експорт на този раздел</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Стойност</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Какво</translation>
        </message>
    </context>
    <context>
        <name>SessionTable</name>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Packing List</source>
            <translation>Списък</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>Куриер</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Сесия</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Работник</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>Компютър</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Напредък</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Времетраене</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Артикули</translation>
        </message>
        <message>
            <source> +{n} elsewhere</source>
            <translation> +{n} другаде</translation>
        </message>
        <message>
            <source> · 1 conflict</source>
            <translation> · 1 конфликт</translation>
        </message>
        <message>
            <source> · {n} conflicts</source>
            <translation> · {n} конфликта</translation>
        </message>
        <message>
            <source>Packed elsewhere</source>
            <translation>Опаковани другаде</translation>
        </message>
        <message>
            <source>Packed again</source>
            <translation>Опаковани отново</translation>
        </message>
        <message>
            <source>Conflicts (also packed elsewhere)</source>
            <translation>Конфликти (опаковани и другаде)</translation>
        </message>
        <message>
            <source>{lists} lists · {active} active · {stale} stale · {paused} paused</source>
            <translation>списъци: {lists} · активни: {active} · замрели: {stale} · на пауза: {paused}</translation>
        </message>
        <message>
            <source>
Lock: {lock}</source>
            <translation>
Заключване: {lock}</translation>
        </message>
        <message>
            <source>Locked by {lock}; last heartbeat {age} s ago</source>
            <translation>Заключен от {lock}; последен сигнал преди {age} с</translation>
        </message>
        <message>
            <source>Orders: {orders} (skipped: {skipped})   Items: {items}</source>
            <translation>Поръчки: {orders} (отложени: {skipped})   Артикули: {items}</translation>
        </message>
        <message>
            <source>Worker: {name}   PC: {pc}   Started: {started}   Duration: {duration}</source>
            <translation>Работник: {name}   Компютър: {pc}   Начало: {started}   Продължителност: {duration}</translation>
        </message>
        <message>
            <source>{status}: {list} of session {session}</source>
            <translation>{status}: {list} от сесия {session}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Shared folder of the packing stations</source>
            <translation>Обща папка на станциите за пакетиране</translation>
        </message>
        <message>
            <source>{env} names this station: {name}</source>
            <translation>{env} задава името на станцията: {name}</translation>
        </message>
        <message>
            <source>empty: this PC's name ({name})</source>
            <translation>празно: името на компютъра ({name})</translation>
        </message>
        <message>
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <source>Station settings</source>
            <translation>Настройки на станцията</translation>
        </message>
        <message>
            <source>\\server\share (empty: the demo data on this PC)</source>
            <translation>\\сървър\папка (празно: демо данните на този компютър)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>Из&amp;бери…</translation>
        </message>
        <message>
            <source>Play so&amp;unds on scans</source>
            <translation>З&amp;вук при сканиране</translation>
        </message>
        <message>
            <source>&amp;Server path</source>
            <translation>&amp;Път до сървъра</translation>
        </message>
        <message>
            <source>Station &amp;name</source>
            <translation>&amp;Име на станцията</translation>
        </message>
        <message>
            <source>&amp;Heartbeat every</source>
            <translation>&amp;Сигнал на всеки</translation>
        </message>
        <message>
            <source>&amp;Lock stale after</source>
            <translation>&amp;Заключването замира след</translation>
        </message>
        <message>
            <source>Share time&amp;out</source>
            <translation>Изчакване на &amp;общата папка</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Тема</translation>
        </message>
        <message>
            <source>Lan&amp;guage</source>
            <translation>&amp;Език</translation>
        </message>
        <message>
            <source>Scores: &amp;pause after</source>
            <translation>&amp;Резултати: пауза след</translation>
        </message>
        <message>
            <source>{env} is set: this station is named {name} whatever is entered here.</source>
            <translation>{env} е зададена: станцията се казва {name}, каквото и да е въведено тук.</translation>
        </message>
        <message>
            <source>How often an open list's lock says this station is alive.</source>
            <translation>Колко често заключването на отворен списък съобщава, че станцията работи.</translation>
        </message>
        <message>
            <source>After how long without a heartbeat another station may take a list over.</source>
            <translation>След колко време без сигнал друга станция може да поеме списъка.</translation>
        </message>
        <message>
            <source>The longest a share operation may take before the app treats the share as unreachable.</source>
            <translation>Най-дългото време за операция с общата папка, преди програмата да я сметне за недостъпна.</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Светла</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Тъмна</translation>
        </message>
        <message>
            <source>Applies from the next start of the program.</source>
            <translation>Важи от следващото стартиране на програмата.</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Звук</translation>
        </message>
        <message>
            <source>Packer scores: a longer gap within an order is a pause and does not count as packing time.</source>
            <translation>Резултати на опаковчиците: по-дълъг интервал в поръчка е пауза и не се брои за време за пакетиране.</translation>
        </message>
    </context>
    <context>
        <name>SkipCheckDialog</name>
        <message>
            <source>Supervisor checked the parcel</source>
            <translation>Отговорникът провери пратката</translation>
        </message>
        <message>
            <source>No second worker on this shift</source>
            <translation>Няма втори работник в тази смяна</translation>
        </message>
        <message>
            <source>Courier is waiting (supervisor)</source>
            <translation>Куриерът чака (отговорник)</translation>
        </message>
        <message>
            <source>Skip the second check</source>
            <translation>Пропусни втората проверка</translation>
        </message>
        <message>
            <source>Supervisor: order {order} will be complete without a second worker's check. The reason is recorded with the time and shown in Details and in verify.</source>
            <translation>Отговорник: поръчка {order} ще бъде завършена без проверка от втори работник. Причината се записва с часа и се вижда в „Подробности“ и при проверката.</translation>
        </message>
        <message>
            <source>why? (required)</source>
            <translation>защо? (задължително)</translation>
        </message>
        <message>
            <source>Skip the check</source>
            <translation>Пропусни проверката</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
    </context>
    <context>
        <name>SkuMappingDialog</name>
        <message>
            <source>Barcode → SKU mapping: client {client}</source>
            <translation>Баркод → SKU: клиент {client}</translation>
        </message>
        <message>
            <source>Filter by barcode or SKU…</source>
            <translation>Филтър по баркод или SKU…</translation>
        </message>
        <message>
            <source>Product barcode</source>
            <translation>Баркод на продукта</translation>
        </message>
        <message>
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Затвори</translation>
        </message>
        <message>
            <source>Scan or type the product barcode</source>
            <translation>Сканирай или въведи баркода на продукта</translation>
        </message>
        <message>
            <source>SKU it stands for</source>
            <translation>SKU, на което отговаря</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отказ</translation>
        </message>
        <message>
            <source>Could not reach the barcode map on the share: {reason}</source>
            <translation>Таблицата с баркодове в общата папка е недостъпна: {reason}</translation>
        </message>
        <message>
            <source>Loading the barcode map…</source>
            <translation>Зареждане на таблицата с баркодове…</translation>
        </message>
        <message>
            <source>Select one mapping to edit.</source>
            <translation>Избери един запис за промяна.</translation>
        </message>
        <message>
            <source>New mapping:</source>
            <translation>Нов запис:</translation>
        </message>
        <message>
            <source>Edit mapping:</source>
            <translation>Промяна на запис:</translation>
        </message>
        <message>
            <source>Scan or type the product barcode (at most 200 characters).</source>
            <translation>Сканирай или въведи баркода на продукта (най-много 200 знака).</translation>
        </message>
        <message>
            <source>Type the SKU this barcode stands for.</source>
            <translation>Въведи SKU, на което отговаря този баркод.</translation>
        </message>
        <message>
            <source>The barcode and the SKU are the same: a SKU scans as itself already.</source>
            <translation>Баркодът и SKU са еднакви: SKU вече се сканира като себе си.</translation>
        </message>
        <message>
            <source>Barcode {code} already maps to {sku}: select it and use Edit to change it.</source>
            <translation>Баркод {code} вече отговаря на {sku}: избери го и натисни „Промени…“.</translation>
        </message>
        <message>
            <source>Adding {code} → {sku}…</source>
            <translation>Добавяне на {code} → {sku}…</translation>
        </message>
        <message>
            <source>Saving {code} → {sku}…</source>
            <translation>Запазване на {code} → {sku}…</translation>
        </message>
        <message>
            <source>Select the mapping(s) to delete.</source>
            <translation>Избери записите за изтриване.</translation>
        </message>
        <message>
            <source>
… and {n} more</source>
            <translation>
… и още {n}</translation>
        </message>
        <message>
            <source>Delete {n} mapping(s)?</source>
            <translation>Да изтрия ли записите ({n})?</translation>
        </message>
        <message>
            <source>Deleting {n} mapping(s)…</source>
            <translation>Изтриване на записи ({n})…</translation>
        </message>
        <message>
            <source>Importing from {file}…</source>
            <translation>Внасяне от {file}…</translation>
        </message>
        <message>
            <source>Added {code} → {sku}.</source>
            <translation>Добавено {code} → {sku}.</translation>
        </message>
        <message>
            <source>Barcode {code} already maps to {sku}: delete or edit that mapping first.</source>
            <translation>Баркод {code} вече отговаря на {sku}: първо изтрий или промени този запис.</translation>
        </message>
        <message>
            <source>Barcode {code} was removed meanwhile (another station?); nothing changed.</source>
            <translation>Баркод {code} междувременно е изтрит (от друга станция?); нищо не е променено.</translation>
        </message>
        <message>
            <source>Delete mapping</source>
            <translation>Изтриване на запис</translation>
        </message>
        <message>
            <source>Deleted {n} mapping(s): {codes}.</source>
            <translation>Изтрити записи ({n}): {codes}.</translation>
        </message>
        <message>
            <source>Imported from {file}: {added} added, {updated} updated, {same} already mapped.</source>
            <translation>Внесено от {file}: добавени {added}, променени {updated}, вече налични {same}.</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>Нищо не е променено.</translation>
        </message>
        <message>
            <source>Saved {code} → {sku}.</source>
            <translation>Запазено {code} → {sku}.</translation>
        </message>
        <message>
            <source>Stock file with barcodes</source>
            <translation>Складов файл с баркодове</translation>
        </message>
        <message>
            <source>Stock files (*.csv *.txt);;All files (*)</source>
            <translation>Складови файлове (*.csv *.txt);;Всички файлове (*)</translation>
        </message>
        <message>
            <source>Unreadable earlier versions are kept: {file}.</source>
            <translation>Нечетимите по-стари версии са запазени: {file}.</translation>
        </message>
        <message>
            <source>{file} has no barcode column with barcodes that differ from the SKUs: nothing imported.</source>
            <translation>{file} няма колона с баркодове, различни от SKU: нищо не е внесено.</translation>
        </message>
        <message>
            <source>{n} mapping(s) for client {client}.</source>
            <translation>Записи за клиент {client}: {n}.</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Добави…</translation>
        </message>
        <message>
            <source>&amp;Barcode</source>
            <translation>&amp;Баркод</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Изтрий</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Промени…</translation>
        </message>
        <message>
            <source>&amp;Import from stock file</source>
            <translation>&amp;Внеси от складовия файл</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>З&amp;апази</translation>
        </message>
        <message>
            <source>Re&amp;load</source>
            <translation>Пре&amp;зареди</translation>
        </message>
        <message>
            <source>S&amp;KU</source>
            <translation>&amp;Код SKU</translation>
        </message>
    </context>
    <context>
        <name>TestSheet</name>
        <message>
            <source>Code 128 with a small letter</source>
            <translation>Code 128 с малка буква</translation>
        </message>
        <message>
            <source>Code 128: letters, digits and dashes</source>
            <translation>Code 128: букви, цифри и тирета</translation>
        </message>
        <message>
            <source>EAN-13: a product barcode</source>
            <translation>EAN-13: баркод на продукт</translation>
        </message>
        <message>
            <source>GS1-128 with a GTIN (AI 01)</source>
            <translation>GS1-128 с GTIN (AI 01)</translation>
        </message>
        <message>
            <source>Open Tools → Scanner test… (or Scanner test on the login screen) and scan each code below once, from top to bottom. The station tells you what the scanner sends wrong: keyboard layout, Enter after each code, extra characters, double reads, speed.</source>
            <translation>Отвори Инструменти → Тест на скенера… (или „Тест на скенера“ на входния екран) и сканирай всеки код отдолу по веднъж, отгоре надолу. Станцията казва какво скенерът изпраща грешно: клавиатурна подредба, Enter след всеки код, излишни знаци, двойни прочитания, скорост.</translation>
        </message>
        <message>
            <source>Scanner test sheet</source>
            <translation>Тестов лист за скенера</translation>
        </message>
        <message>
            <source>Scanner test {n}/{total}: {what}</source>
            <translation>Тест на скенера {n}/{total}: {what}</translation>
        </message>
    </context>
    <context>
        <name>Wording</name>
        <message>
            <source>ORDER {order}</source>
            <translation>ПОРЪЧКА {order}</translation>
        </message>
        <message>
            <source>ORDER {order} RESUMED</source>
            <translation>ПОРЪЧКА {order} ПРОДЪЛЖАВА</translation>
        </message>
        <message>
            <source>ITEM OK</source>
            <translation>АРТИКУЛЪТ Е ВЕРЕН</translation>
        </message>
        <message>
            <source>ORDER {order} COMPLETE</source>
            <translation>ПОРЪЧКА {order} Е ГОТОВА</translation>
        </message>
        <message>
            <source>EXTRA ITEM</source>
            <translation>ИЗЛИШЕН АРТИКУЛ</translation>
        </message>
        <message>
            <source>WRONG ITEM</source>
            <translation>ГРЕШЕН АРТИКУЛ</translation>
        </message>
        <message>
            <source>UNKNOWN BARCODE</source>
            <translation>НЕПОЗНАТ БАРКОД</translation>
        </message>
        <message>
            <source>ORDER NOT FOUND</source>
            <translation>НЯМА ТАКАВА ПОРЪЧКА</translation>
        </message>
        <message>
            <source>AMBIGUOUS ORDER LABEL</source>
            <translation>ДВУСМИСЛЕН ЕТИКЕТ НА ПОРЪЧКА</translation>
        </message>
        <message>
            <source>ORDER {order} ALREADY PACKED</source>
            <translation>ПОРЪЧКА {order} ВЕЧЕ Е ОПАКОВАНА</translation>
        </message>
        <message>
            <source>DOUBLE READ IGNORED</source>
            <translation>ДВОЙНО ПРОЧИТАНЕ, ПРЕНЕБРЕГНАТО</translation>
        </message>
        <message>
            <source>UNDONE</source>
            <translation>ОТМЕНЕНО</translation>
        </message>
        <message>
            <source>NOTHING TO UNDO</source>
            <translation>НЯМА КАКВО ДА СЕ ОТМЕНИ</translation>
        </message>
        <message>
            <source>CONFIRMED BY HAND</source>
            <translation>ПОТВЪРДЕНО РЪЧНО</translation>
        </message>
        <message>
            <source>ORDER {order} SKIPPED</source>
            <translation>ПОРЪЧКА {order} Е ОТЛОЖЕНА</translation>
        </message>
        <message>
            <source>EXTRA KEPT</source>
            <translation>ИЗЛИШНИЯТ ОСТАВА</translation>
        </message>
        <message>
            <source>EXTRA REMOVED</source>
            <translation>ИЗЛИШНИЯТ Е ИЗВАДЕН</translation>
        </message>
        <message>
            <source>WORKER: {worker}</source>
            <translation>РАБОТНИК: {worker}</translation>
        </message>
        <message>
            <source>NOT POSSIBLE NOW</source>
            <translation>НЕ Е ВЪЗМОЖНО СЕГА</translation>
        </message>
        <message>
            <source>ORDER {order} PACKED ELSEWHERE</source>
            <translation>ПОРЪЧКА {order} Е ОПАКОВАНА ДРУГАДЕ</translation>
        </message>
        <message>
            <source>ORDER {order} IS BEING PACKED ELSEWHERE</source>
            <translation>ПОРЪЧКА {order} СЕ ПАКЕТИРА ДРУГАДЕ</translation>
        </message>
        <message>
            <source>DO NOT PACK: NOT FULFILLABLE</source>
            <translation>НЕ ПАКЕТИРАЙ: НЕИЗПЪЛНИМА</translation>
        </message>
        <message>
            <source>ORDER OF ANOTHER LIST</source>
            <translation>ПОРЪЧКА ОТ ДРУГ СПИСЪК</translation>
        </message>
        <message>
            <source>ORDER {order}: PACK AGAIN</source>
            <translation>ПОРЪЧКА {order}: ПАКЕТИРАЙ ОТНОВО</translation>
        </message>
        <message>
            <source>Do not pack it again. To pack it again on purpose: Pack again… (F9).</source>
            <translation>Не я пакетирай отново. За нарочно повторно пакетиране: „Пакетирай отново…“ (F9).</translation>
        </message>
        <message>
            <source>Put it aside: another station has it open.</source>
            <translation>Остави я настрана: друга станция я е отворила.</translation>
        </message>
        <message>
            <source>To pack it again on purpose: Pack again… (F9).</source>
            <translation>За нарочно повторно пакетиране: „Пакетирай отново…“ (F9).</translation>
        </message>
        <message>
            <source>Put it aside and tell a supervisor.</source>
            <translation>Остави я настрана и кажи на отговорника.</translation>
        </message>
        <message>
            <source>Put it aside for that list.</source>
            <translation>Остави я настрана за онзи списък.</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Активен</translation>
        </message>
        <message>
            <source>Stale</source>
            <translation>Замрял</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>На пауза</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Свободен</translation>
        </message>
        <message>
            <source>Incomplete</source>
            <translation>Незавършен</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Изоставен</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Завършен</translation>
        </message>
        <message>
            <source>not started</source>
            <translation>незапочната</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>в процес</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>отложена</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>завършена</translation>
        </message>
        <message>
            <source>packed elsewhere</source>
            <translation>опакована другаде</translation>
        </message>
        <message>
            <source>order opened</source>
            <translation>поръчката е отворена</translation>
        </message>
        <message>
            <source>order resumed</source>
            <translation>поръчката продължава</translation>
        </message>
        <message>
            <source>item OK</source>
            <translation>артикулът е верен</translation>
        </message>
        <message>
            <source>order complete</source>
            <translation>поръчката е готова</translation>
        </message>
        <message>
            <source>extra item</source>
            <translation>излишен артикул</translation>
        </message>
        <message>
            <source>wrong item</source>
            <translation>грешен артикул</translation>
        </message>
        <message>
            <source>unknown barcode</source>
            <translation>непознат баркод</translation>
        </message>
        <message>
            <source>order not found</source>
            <translation>няма такава поръчка</translation>
        </message>
        <message>
            <source>ambiguous order label</source>
            <translation>двусмислен етикет</translation>
        </message>
        <message>
            <source>already packed</source>
            <translation>вече опакована</translation>
        </message>
        <message>
            <source>double read</source>
            <translation>двойно прочитане</translation>
        </message>
        <message>
            <source>undone</source>
            <translation>отменено</translation>
        </message>
        <message>
            <source>nothing to undo</source>
            <translation>няма какво да се отмени</translation>
        </message>
        <message>
            <source>confirmed by hand</source>
            <translation>потвърдено ръчно</translation>
        </message>
        <message>
            <source>order skipped</source>
            <translation>поръчката е отложена</translation>
        </message>
        <message>
            <source>extra kept</source>
            <translation>излишният остава</translation>
        </message>
        <message>
            <source>extra removed</source>
            <translation>излишният е изваден</translation>
        </message>
        <message>
            <source>worker changed</source>
            <translation>смяна на работника</translation>
        </message>
        <message>
            <source>not possible</source>
            <translation>не е възможно</translation>
        </message>
        <message>
            <source>being packed elsewhere</source>
            <translation>пакетира се другаде</translation>
        </message>
        <message>
            <source>not fulfillable</source>
            <translation>неизпълнима</translation>
        </message>
        <message>
            <source>order of another list</source>
            <translation>поръчка от друг списък</translation>
        </message>
        <message>
            <source>packed again</source>
            <translation>опакована отново</translation>
        </message>
        <message>
            <source> (PC {host})</source>
            <translation> (компютър {host})</translation>
        </message>
        <message>
            <source>station {station}{pc}, worker {name}, since {when}</source>
            <translation>станция {station}{pc}, работник {name}, от {when}</translation>
        </message>
        <message>
            <source>in {list} of {session}</source>
            <translation>в {list} от {session}</translation>
        </message>
        <message>
            <source>packed {place}</source>
            <translation>опакована {place}</translation>
        </message>
        <message>
            <source>being packed now {place}</source>
            <translation>пакетира се в момента {place}</translation>
        </message>
        <message>
            <source>at {station}</source>
            <translation>на {station}</translation>
        </message>
        <message>
            <source>by {name}</source>
            <translation>от {name}</translation>
        </message>
        <message>
            <source>in this list</source>
            <translation>в този списък</translation>
        </message>
        <message>
            <source>packed again (was {where})</source>
            <translation>опакована отново (беше {where})</translation>
        </message>
        <message>
            <source>confirmation by hand undone</source>
            <translation>ръчното потвърждение е отменено</translation>
        </message>
        <message>
            <source>last scan undone</source>
            <translation>последното сканиране е отменено</translation>
        </message>
        <message>
            <source>packed {when} by {name}</source>
            <translation>опакована {when} от {name}</translation>
        </message>
        <message>
            <source>packed by {name}</source>
            <translation>опакована от {name}</translation>
        </message>
        <message>
            <source>extra {sku} kept in the box</source>
            <translation>излишният {sku} остава в кутията</translation>
        </message>
        <message>
            <source>extra {sku} taken out of the box</source>
            <translation>излишният {sku} е изваден от кутията</translation>
        </message>
        <message>
            <source>finish or skip order {order} before handing over</source>
            <translation>завърши или отложи поръчка {order}, преди да предадеш станцията</translation>
        </message>
        <message>
            <source>finish or skip order {order} before packing another one again</source>
            <translation>завърши или отложи поръчка {order}, преди да пакетираш отново друга</translation>
        </message>
        <message>
            <source>taken over from {name}</source>
            <translation>поето от {name}</translation>
        </message>
        <message>
            <source>no order is open</source>
            <translation>няма отворена поръчка</translation>
        </message>
        <message>
            <source>no order is open; scan an order label</source>
            <translation>няма отворена поръчка; сканирай етикет на поръчка</translation>
        </message>
        <message>
            <source>{packed} of {total} units packed; scan its label to resume</source>
            <translation>{packed} от {total} бр. опаковани; сканирай етикета ѝ, за да продължиш</translation>
        </message>
        <message>
            <source>{packed} of {total} units packed earlier</source>
            <translation>{packed} от {total} бр. опаковани по-рано</translation>
        </message>
        <message>
            <source>empty scan</source>
            <translation>празно сканиране</translation>
        </message>
        <message>
            <source>the scanner read it twice</source>
            <translation>скенерът го прочете два пъти</translation>
        </message>
        <message>
            <source>no order {code} in list {list} to pack again</source>
            <translation>в списък {list} няма поръчка {code} за повторно пакетиране</translation>
        </message>
        <message>
            <source>order {order} is not packed; scan its label to pack it</source>
            <translation>поръчка {order} не е опакована; сканирай етикета ѝ, за да я пакетираш</translation>
        </message>
        <message>
            <source>a reason is required</source>
            <translation>нужна е причина</translation>
        </message>
        <message>
            <source>label {code} matches orders {orders}; ask a supervisor</source>
            <translation>етикет {code} отговаря на поръчки {orders}; попитай отговорника</translation>
        </message>
        <message>
            <source>order {order} is Not Fulfillable: do not pack it</source>
            <translation>поръчка {order} е неизпълнима: не я пакетирай</translation>
        </message>
        <message>
            <source>order {order} belongs to list {list}, not {this}</source>
            <translation>поръчка {order} е от списък {list}, не от {this}</translation>
        </message>
        <message>
            <source>that is an item barcode; scan an order label first</source>
            <translation>това е баркод на артикул; първо сканирай етикет на поръчка</translation>
        </message>
        <message>
            <source>no order {code} in list {list}</source>
            <translation>в списък {list} няма поръчка {code}</translation>
        </message>
        <message>
            <source>the order has no units to pack</source>
            <translation>поръчката няма бройки за пакетиране</translation>
        </message>
        <message>
            <source>every unit of {sku} is packed; keep or remove the extra one</source>
            <translation>всички бройки от {sku} са опаковани; остави или извади излишната</translation>
        </message>
        <message>
            <source>order {order} is already open</source>
            <translation>поръчка {order} вече е отворена</translation>
        </message>
        <message>
            <source>that is the label of order {order}, already packed</source>
            <translation>това е етикетът на поръчка {order}, вече опакована</translation>
        </message>
        <message>
            <source>that is the label of order {orders}; skip order {order} first to switch</source>
            <translation>това е етикетът на поръчка {orders}; първо отложи поръчка {order}, за да превключиш</translation>
        </message>
        <message>
            <source>nothing to undo on line {row} in order {order}</source>
            <translation>няма какво да се отмени на ред {row} в поръчка {order}</translation>
        </message>
        <message>
            <source>nothing to undo in order {order}</source>
            <translation>няма какво да се отмени в поръчка {order}</translation>
        </message>
        <message>
            <source>order {order} has no line {row}</source>
            <translation>поръчка {order} няма ред {row}</translation>
        </message>
        <message>
            <source>the line is already complete</source>
            <translation>редът вече е завършен</translation>
        </message>
        <message>
            <source>quantity must be 1 to {n}</source>
            <translation>количеството трябва да е от 1 до {n}</translation>
        </message>
        <message>
            <source>{n} unit(s) of {sku} confirmed by hand</source>
            <translation>{sku}: ръчно потвърдени бройки: {n}</translation>
        </message>
        <message>
            <source>no extra {sku} is pending in order {order}</source>
            <translation>в поръчка {order} няма чакащ излишен {sku}</translation>
        </message>
        <message>
            <source>{code} is not known</source>
            <translation>{code} не е познат</translation>
        </message>
        <message>
            <source>{skus} is not in order {order}</source>
            <translation>{skus} не е в поръчка {order}</translation>
        </message>
        <message>
            <source>second check skipped: {reason}</source>
            <translation>втората проверка е пропусната: {reason}</translation>
        </message>
        <message>
            <source>second check by {name}</source>
            <translation>втора проверка от {name}</translation>
        </message>
        <message>
            <source>{name} packed order {order}; another worker must check it</source>
            <translation>{name} опакова поръчка {order}; друг работник трябва да я провери</translation>
        </message>
        <message>
            <source>a second worker scans their card first</source>
            <translation>първо втори работник сканира своята карта</translation>
        </message>
        <message>
            <source>scan the label of order {order} to confirm the check</source>
            <translation>сканирай етикета на поръчка {order}, за да потвърдиш проверката</translation>
        </message>
        <message>
            <source>order {order} is not fully packed yet</source>
            <translation>поръчка {order} още не е опакована изцяло</translation>
        </message>
        <message>
            <source>The heartbeat must be between {low} and {high} s (it is {v} s).</source>
            <translation>Сигналът трябва да е между {low} и {high} с (сега е {v} с).</translation>
        </message>
        <message>
            <source>A lock must count as stale only after more than two heartbeats: more than {min} s (it is {v} s).</source>
            <translation>Заключването може да се смята за замряло само след повече от два сигнала: повече от {min} с (сега е {v} с).</translation>
        </message>
        <message>
            <source>The stale time may be at most {max} s (it is {v} s).</source>
            <translation>Времето до замиране може да е най-много {max} с (сега е {v} с).</translation>
        </message>
        <message>
            <source>The share timeout must be between {low} and {high} s (it is {v} s).</source>
            <translation>Изчакването на общата папка трябва да е между {low} и {high} с (сега е {v} с).</translation>
        </message>
        <message>
            <source>The pause gap for scores must be between {low} and {high} s (it is {v} s).</source>
            <translation>Паузата за резултатите трябва да е между {low} и {high} с (сега е {v} с).</translation>
        </message>
        <message>
            <source>The station name is empty: leave it unset to use the PC name.</source>
            <translation>Името на станцията е празно: не го задавай, за да се ползва името на компютъра.</translation>
        </message>
        <message>
            <source>The station name is longer than {n} characters.</source>
            <translation>Името на станцията е по-дълго от {n} знака.</translation>
        </message>
        <message>
            <source>The station name may not contain \ / : * ? " &lt; &gt; | or control characters.</source>
            <translation>Името на станцията не може да съдържа \ / : * ? " &lt; &gt; | или управляващи знаци.</translation>
        </message>
        <message>
            <source>The server path is empty: leave it unset to use the demo data.</source>
            <translation>Пътят до сървъра е празен: не го задавай, за да се ползват демо данните.</translation>
        </message>
        <message>
            <source>'{text}'</source>
            <translation>„{text}“</translation>
        </message>
    </context>
    <context>
        <name>WorkFlow</name>
        <message>
            <source>packed elsewhere</source>
            <translation>опаковани другаде</translation>
        </message>
        <message>
            <source>packed again</source>
            <translation>опаковани отново</translation>
        </message>
        <message>
            <source>also packed elsewhere (conflict)</source>
            <translation>опаковани и другаде (конфликт)</translation>
        </message>
        <message>
            <source>{list} ended: {done} of {total} orders{more}, {units} units ({status}).</source>
            <translation>{list} е приключен: {done} от {total} поръчки{more}, {units} бр. ({status}).</translation>
        </message>
        <message>
            <source>Finish or pause the list that is open first.</source>
            <translation>Първо завърши или постави на пауза отворения списък.</translation>
        </message>
        <message>
            <source>{list} was being packed by {lock}; the lock is stale and can be taken over</source>
            <translation>{list} се пакетираше от {lock}; заключването е замряло и списъкът може да бъде поет</translation>
        </message>
        <message>
            <source>{list} is being packed by {lock}</source>
            <translation>{list} се пакетира от {lock}</translation>
        </message>
        <message>
            <source>{list}: nothing new since it was last ended.</source>
            <translation>{list}: нищо ново от последното приключване.</translation>
        </message>
        <message>
            <source>{list} paused; {n} scans wait on this station and reach the share when the list is opened here again.</source>
            <translation>{list} е на пауза; {n} сканирания чакат на тази станция и ще стигнат до общата папка, когато списъкът се отвори тук отново.</translation>
        </message>
        <message>
            <source>{list} paused.</source>
            <translation>{list} е на пауза.</translation>
        </message>
    </context>
    <context>
        <name>WorkerCard</name>
        <message>
            <source>Today: {orders} orders · {items} items</source>
            <translation>Днес: поръчки {orders} · артикули {items}</translation>
        </message>
        <message>
            <source>Today: nothing packed yet</source>
            <translation>Днес: още нищо не е опаковано</translation>
        </message>
        <message>
            <source>In total: {orders} orders · {items} items</source>
            <translation>Общо: поръчки {orders} · артикули {items}</translation>
        </message>
        <message>
            <source>{sessions} sessions · last active {when}</source>
            <translation>сесии: {sessions} · последно {when}</translation>
        </message>
    </context>
    <context>
        <name>WorkerSelectionDialog</name>
        <message>
            <source>Who is packing?</source>
            <translation>Кой пакетира?</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Опитай отново</translation>
        </message>
        <message>
            <source>New worker…</source>
            <translation>Нов работник…</translation>
        </message>
        <message>
            <source>Your name as colleagues know it</source>
            <translation>Името ти, както те знаят колегите</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Създай</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отказ</translation>
        </message>
        <message>
            <source>Scanner test…</source>
            <translation>Тест на скенера…</translation>
        </message>
        <message>
            <source>Loading workers…</source>
            <translation>Зареждане на работниците…</translation>
        </message>
        <message>
            <source>Pick your card (or press its number).</source>
            <translation>Избери своята карта (или натисни номера ѝ).</translation>
        </message>
        <message>
            <source>No workers yet: create your profile with “New worker…”.</source>
            <translation>Още няма работници: създай своя профил с „Нов работник…“.</translation>
        </message>
        <message>
            <source>Cannot read the workers from the share: {reason}</source>
            <translation>Работниците не могат да бъдат прочетени от общата папка: {reason}</translation>
        </message>
        <message>
            <source>Type the new worker's name first.</source>
            <translation>Първо въведи името на новия работник.</translation>
        </message>
        <message>
            <source>“{name}” already has a card: pick it above instead.</source>
            <translation>„{name}“ вече има карта: избери нея отгоре.</translation>
        </message>
        <message>
            <source>Creating {name}…</source>
            <translation>Създаване на {name}…</translation>
        </message>
        <message>
            <source>Could not create the worker: {reason}</source>
            <translation>Работникът не можа да бъде създаден: {reason}</translation>
        </message>
    </context>
    <context>
        <name>WorkerView</name>
        <message>
            <source>Worker</source>
            <translation>Работник</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Активен</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Сесии</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Поръчки</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Артикули</translation>
        </message>
        <message>
            <source>Packing time</source>
            <translation>Време за пакетиране</translation>
        </message>
        <message>
            <source>Orders/h</source>
            <translation>Поръчки/ч</translation>
        </message>
        <message>
            <source>Items/h</source>
            <translation>Артикули/ч</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Резултат</translation>
        </message>
        <message>
            <source>Scored orders</source>
            <translation>Оценени поръчки</translation>
        </message>
        <message>
            <source>Avg s/order</source>
            <translation>Средно с/поръчка</translation>
        </message>
        <message>
            <source>Last active</source>
            <translation>Последна активност</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Кога</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Клиент</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Сесия</translation>
        </message>
        <message>
            <source>List</source>
            <translation>Списък</translation>
        </message>
        <message>
            <source>Loading workers…</source>
            <translation>Зареждане на работниците…</translation>
        </message>
        <message>
            <source>Orders per hour by session</source>
            <translation>Поръчки на час по сесии</translation>
        </message>
        <message>
            <source>orders/h</source>
            <translation>поръчки/ч</translation>
        </message>
        <message>
            <source>Cannot read the share: {reason}</source>
            <translation>Общата папка не може да бъде прочетена: {reason}</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <source>no</source>
            <translation>не</translation>
        </message>
        <message>
            <source>{n} workers. Select one to see their sessions.</source>
            <translation>Работници: {n}. Избери един, за да видиш сесиите му.</translation>
        </message>
        <message>
            <source>Loading the sessions of {name}…</source>
            <translation>Зареждане на сесиите на {name}…</translation>
        </message>
        <message>
            <source>Orders per hour by session: {name}</source>
            <translation>Поръчки на час по сесии: {name}</translation>
        </message>
        <message>
            <source>{name}: {n} packing records</source>
            <translation>{name}: записи за пакетиране: {n}</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source> and {more} more</source>
            <translation> и още {more}</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(няма)</translation>
        </message>
        <message>
            <source>(original kept at {path})</source>
            <translation>(оригиналът е запазен в {path})</translation>
        </message>
        <message>
            <source>--client {chosen}: there is no folder {sessions_dir}</source>
            <translation>--client {chosen}: няма папка {sessions_dir}</translation>
        </message>
        <message>
            <source>--client {client!r} is not a client id (letters, digits, _)</source>
            <translation>--client {client!r} не е код на клиент (букви, цифри, _)</translation>
        </message>
        <message>
            <source>--client: {exc}</source>
            <translation>--client: {exc}</translation>
        </message>
        <message>
            <source>--delimiter must be one character, got {delimiter!r}</source>
            <translation>--delimiter трябва да е един знак, а е {delimiter!r}</translation>
        </message>
        <message>
            <source>--min-value must be 0 or more</source>
            <translation>--min-value трябва да е 0 или повече</translation>
        </message>
        <message>
            <source>--older-than {older_than}: give a number of days (0 or more)</source>
            <translation>--older-than {older_than}: задай брой дни (0 или повече)</translation>
        </message>
        <message>
            <source>--orders {orders} must be at least 1</source>
            <translation>--orders {orders} трябва да е поне 1</translation>
        </message>
        <message>
            <source>--output {target} is a folder; give a file name</source>
            <translation>--output {target} е папка; задай име на файл</translation>
        </message>
        <message>
            <source>--sample must be 0 to 100</source>
            <translation>--sample трябва да е от 0 до 100</translation>
        </message>
        <message>
            <source>--stale-after {value:g} must be more than 0 seconds</source>
            <translation>--stale-after {value:g} трябва да е повече от 0 секунди</translation>
        </message>
        <message>
            <source>--table chooses the table of a .csv export; an .xlsx export holds every table</source>
            <translation>--table избира таблицата на износ в .csv; износът в .xlsx съдържа всички таблици</translation>
        </message>
        <message>
            <source>... and {more} more to {label}</source>
            <translation>... и още {more} за „{label}“</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Изоставен</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Активен</translation>
        </message>
        <message>
            <source>Added {added} missing demo files to {target}</source>
            <translation>Добавени са {added} липсващи демо файла в {target}</translation>
        </message>
        <message>
            <source>After repair:</source>
            <translation>След поправката:</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Свободен</translation>
        </message>
        <message>
            <source>Backup {archive} of {source} made {made}: {n_steps} files, {identical} identical on {root}</source>
            <translation>Резервно копие {archive} на {source}, направено {made}: файлове {n_steps}, еднакви с тези в {root}: {identical}</translation>
        </message>
        <message>
            <source>Barcodes or codes that reach two SKUs</source>
            <translation>Баркодове или кодове, които водят до два SKU</translation>
        </message>
        <message>
            <source>CLIENT</source>
            <translation>КЛИЕНТ</translation>
        </message>
        <message>
            <source>Cancelled: nothing was moved.</source>
            <translation>Отказано: нищо не е преместено.</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Завършен</translation>
        </message>
        <message>
            <source>DOUBLE COUNT: order {number} of client {client} is counted in {n_twice} summaries ({where}); the statistics count it {n_twice} times. Nothing is changed automatically: the figures follow the summaries (see `packing-tool verify`).</source>
            <translation>ДВОЙНО ОТЧИТАНЕ: поръчка {number} на клиент {client} е отчетена в {n_twice} обобщения ({where}); статистиката я брои {n_twice} пъти. Нищо не се променя автоматично: числата следват обобщенията (виж `packing-tool verify`).</translation>
        </message>
        <message>
            <source>Demo share created in {target}</source>
            <translation>Демо общата папка е създадена в {target}</translation>
        </message>
        <message>
            <source>Dry run: nothing was written.</source>
            <translation>Проба: нищо не е записано.</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>НЕУСПЕХ</translation>
        </message>
        <message>
            <source>Generated list of {orders} orders: {generated}</source>
            <translation>Създаден е списък с {orders} поръчки: {generated}</translation>
        </message>
        <message>
            <source>Incomplete</source>
            <translation>Незавършен</translation>
        </message>
        <message>
            <source>It holds:</source>
            <translation>Съдържа:</translation>
        </message>
        <message>
            <source>JSON nested too deeply to read</source>
            <translation>JSON е вложен твърде дълбоко, за да бъде прочетен</translation>
        </message>
        <message>
            <source>Kept in {saved}</source>
            <translation>Запазено в {saved}</translation>
        </message>
        <message>
            <source>LAST ACTIVITY</source>
            <translation>ПОСЛЕДНА ДЕЙНОСТ</translation>
        </message>
        <message>
            <source>LIST</source>
            <translation>СПИСЪК</translation>
        </message>
        <message>
            <source>LIVE: its station is still sending heartbeats</source>
            <translation>АКТИВНО: станцията му още изпраща сигнали за активност</translation>
        </message>
        <message>
            <source>LOCK</source>
            <translation>ЗАКЛЮЧВАНЕ</translation>
        </message>
        <message>
            <source>Left as they are, could not be read or upgraded ({n_problems}):</source>
            <translation>Оставени както са, не могат да бъдат прочетени или обновени ({n_problems}):</translation>
        </message>
        <message>
            <source>Left out by the reader</source>
            <translation>Пропуснати при четенето</translation>
        </message>
        <message>
            <source>Lines without a SKU (left out)</source>
            <translation>Редове без SKU (пропуснати)</translation>
        </message>
        <message>
            <source>List its sessions with:
  {command} sessions list</source>
            <translation>Сесиите ѝ се показват с:
  {command} sessions list</translation>
        </message>
        <message>
            <source>List {list} of session {session} (client {client}): {orders} orders, {units} units.</source>
            <translation>Списък {list} от сесия {session} (клиент {client}): поръчки {orders}, бройки {units}.</translation>
        </message>
        <message>
            <source>Lock of {name} ({lock}):</source>
            <translation>Заключване на {name} ({lock}):</translation>
        </message>
        <message>
            <source>Make these {n_repairs} repairs?</source>
            <translation>Да се направят ли тези поправки ({n_repairs})?</translation>
        </message>
        <message>
            <source>Move {n_todo} session(s) ({names}{more}) to {base}?</source>
            <translation>Да се преместят ли сесиите ({n_todo}: {names}{more}) в {base}?</translation>
        </message>
        <message>
            <source>Moved {moved} session(s); {failed} failed; {removed} session index entries removed.</source>
            <translation>Преместени сесии: {moved}; неуспешни: {failed}; премахнати записи от индекса на сесиите: {removed}.</translation>
        </message>
        <message>
            <source>No differences: the files hold what the summaries add up to.</source>
            <translation>Няма разлики: файловете съдържат сбора от обобщенията.</translation>
        </message>
        <message>
            <source>No packing lists.</source>
            <translation>Няма списъци за пакетиране.</translation>
        </message>
        <message>
            <source>Not Fulfillable orders (left out)</source>
            <translation>Неизпълними поръчки (пропуснати)</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>Бележка: {note}</translation>
        </message>
        <message>
            <source>Nothing can be repaired safely.</source>
            <translation>Нищо не може да бъде поправено безопасно.</translation>
        </message>
        <message>
            <source>Nothing repaired.</source>
            <translation>Нищо не е поправено.</translation>
        </message>
        <message>
            <source>Nothing to migrate: every file is in the current format.</source>
            <translation>Няма какво да се обновява: всеки файл е в текущия формат.</translation>
        </message>
        <message>
            <source>Nothing was written.</source>
            <translation>Нищо не е записано.</translation>
        </message>
        <message>
            <source>Open the app on it with:</source>
            <translation>Програмата се отваря върху нея с:</translation>
        </message>
        <message>
            <source>Order labels that clash</source>
            <translation>Етикети на поръчки, които съвпадат</translation>
        </message>
        <message>
            <source>Orders also in another list of the session</source>
            <translation>Поръчки, които са и в друг списък на сесията</translation>
        </message>
        <message>
            <source>Orders packed or being packed in another list</source>
            <translation>Поръчки, пакетирани или пакетирани в момента в друг списък</translation>
        </message>
        <message>
            <source>PACKING_TOOL_STATION={forced} names this station, not --station {station}</source>
            <translation>PACKING_TOOL_STATION={forced} задава името на тази станция, не --station {station}</translation>
        </message>
        <message>
            <source>PROBLEM: {problem}</source>
            <translation>ПРОБЛЕМ: {problem}</translation>
        </message>
        <message>
            <source>PROGRESS</source>
            <translation>НАПРЕДЪК</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>На пауза</translation>
        </message>
        <message>
            <source>Quantities that look wrong</source>
            <translation>Количества, които изглеждат грешни</translation>
        </message>
        <message>
            <source>Read {total} session summaries ({live} under Sessions/, {archived} under Archive/Sessions/).</source>
            <translation>Прочетени обобщения на сесии: {total} ({live} в Sessions/, {archived} в Archive/Sessions/).</translation>
        </message>
        <message>
            <source>Release the lock of {name}?</source>
            <translation>Да се освободи ли заключването на {name}?</translation>
        </message>
        <message>
            <source>Released the lock of {name}. The old lock is kept as {aside}; the release is recorded in lock_history.jsonl.</source>
            <translation>Заключването на {name} е освободено. Старото заключване е запазено като {aside}; освобождаването е записано в lock_history.jsonl.</translation>
        </message>
        <message>
            <source>Repairs to make ({n_repairs}):</source>
            <translation>Поправки за извършване ({n_repairs}):</translation>
        </message>
        <message>
            <source>Repairs:</source>
            <translation>Поправки:</translation>
        </message>
        <message>
            <source>SESSION</source>
            <translation>СЕСИЯ</translation>
        </message>
        <message>
            <source>SKUs with no barcode the station accepts</source>
            <translation>SKU без баркод, който станцията приема</translation>
        </message>
        <message>
            <source>SKUs: {skus}</source>
            <translation>SKU: {skus}</translation>
        </message>
        <message>
            <source>STARTED</source>
            <translation>ЗАПОЧНАТ</translation>
        </message>
        <message>
            <source>STATION</source>
            <translation>СТАНЦИЯ</translation>
        </message>
        <message>
            <source>STATUS</source>
            <translation>СЪСТОЯНИЕ</translation>
        </message>
        <message>
            <source>Saved {files} files ({source:,} bytes) from {root} in {path} ({bytes:,} bytes):</source>
            <translation>Запазени са {files} файла ({source:,} байта) от {root} в {path} ({bytes:,} байта):</translation>
        </message>
        <message>
            <source>Sessions of {root} dated before {cutoff}: {n_todo} to archive in {base}, {kept} not completed, {recent} more recent</source>
            <translation>Сесии в {root} с дата преди {cutoff}: за архивиране в {base}: {n_todo}, незавършени: {kept}, по-нови: {recent}</translation>
        </message>
        <message>
            <source>Skipped ({n_skipped}):</source>
            <translation>Пропуснати ({n_skipped}):</translation>
        </message>
        <message>
            <source>Stale</source>
            <translation>Замрял</translation>
        </message>
        <message>
            <source>The lock of {name} is LIVE: its station will stop saving. Release it?</source>
            <translation>Заключването на {name} е АКТИВНО: станцията му ще спре да записва. Да се освободи ли?</translation>
        </message>
        <message>
            <source>Upgrade these {n_todo} files (originals are kept)?</source>
            <translation>Да се обновят ли тези файлове ({n_todo}; оригиналите се запазват)?</translation>
        </message>
        <message>
            <source>Upgraded ({n_upgraded}):</source>
            <translation>Обновени ({n_upgraded}):</translation>
        </message>
        <message>
            <source>WORKER</source>
            <translation>РАБОТНИК</translation>
        </message>
        <message>
            <source>Worker {worker_id} ({names}) is in the summaries but has no profile in Workers/workers.json; no profile was created.</source>
            <translation>Работник {worker_id} ({names}) е в обобщенията, но няма профил в Workers/workers.json; профил не е създаден.</translation>
        </message>
        <message>
            <source>Would upgrade ({n_todo}):</source>
            <translation>Ще бъдат обновени ({n_todo}):</translation>
        </message>
        <message>
            <source>Write the {n_found} rebuilt figure(s)?</source>
            <translation>Да се запишат ли преизчислените стойности ({n_found})?</translation>
        </message>
        <message>
            <source>Wrote {n_changed} figure(s) to {label}; its previous content is kept at {kept}.</source>
            <translation>Записани стойности в {label}: {n_changed}; предишното съдържание е запазено в {kept}.</translation>
        </message>
        <message>
            <source>[repairable]</source>
            <translation>[поправимо]</translation>
        </message>
        <message>
            <source>a link to {target} (inside the share); the program never writes through links: replace it by the real folder or file</source>
            <translation>връзка към {target} (в общата папка); програмата никога не записва през връзки: замени я с истинската папка или файл</translation>
        </message>
        <message>
            <source>a link to {target}, OUTSIDE the share root; the program never writes through it: remove it, or put the real folder or file in its place</source>
            <translation>връзка към {target}, ИЗВЪН общата папка; програмата никога не записва през нея: премахни я или сложи на нейно място истинската папка или файл</translation>
        </message>
        <message>
            <source>a link to {target}, which does not exist; the program never writes through links: remove it</source>
            <translation>връзка към {target}, който не съществува; програмата никога не записва през връзки: премахни я</translation>
        </message>
        <message>
            <source>a station created the record meanwhile; the damaged one is kept at {path}</source>
            <translation>междувременно станция е създала записа; повреденият е запазен в {path}</translation>
        </message>
        <message>
            <source>a transaction journal without {plan_filename}: an ending stopped in a way nothing resumes; check the summary and statistics of this list by hand</source>
            <translation>дневник на транзакция без {plan_filename}: приключването е спряло така, че нищо не може да го продължи; провери ръчно обобщението и статистиката на този списък</translation>
        </message>
        <message>
            <source>age unknown</source>
            <translation>възраст неизвестна</translation>
        </message>
        <message>
            <source>an ending was interrupted ({done} of {records} statistics records counted); opening the list or `verify --repair` finishes it</source>
            <translation>приключването е прекъснато (отчетени записи в статистиката: {done} от {records}); отварянето на списъка или `verify --repair` го довършва</translation>
        </message>
        <message>
            <source>an ending was interrupted; opening the list or `verify --repair` finishes it</source>
            <translation>приключването е прекъснато; отварянето на списъка или `verify --repair` го довършва</translation>
        </message>
        <message>
            <source>an unreadable lock, not yet stale</source>
            <translation>нечетимо заключване, което още не е изоставено</translation>
        </message>
        <message>
            <source>backfill the order ledger {where} from the session summaries (create only)</source>
            <translation>допълване на регистъра на поръчките {where} от обобщенията на сесиите (само нови записи)</translation>
        </message>
        <message>
            <source>behind the journal (event {at_state} of {last}); it is rewritten when the list is next opened</source>
            <translation>изостава от дневника (събитие {at_state} от {last}); презаписва се при следващото отваряне на списъка</translation>
        </message>
        <message>
            <source>being packed now by {holder} ({beat})</source>
            <translation>в момента се пакетира от {holder} ({beat})</translation>
        </message>
        <message>
            <source>cannot be read ({why})</source>
            <translation>не може да бъде прочетен ({why})</translation>
        </message>
        <message>
            <source>cannot be read as a packing list: {reason}</source>
            <translation>не може да бъде прочетен като списък за пакетиране: {reason}</translation>
        </message>
        <message>
            <source>cannot read the sessions on {root}: {exc}</source>
            <translation>сесиите в {root} не могат да бъдат прочетени: {exc}</translation>
        </message>
        <message>
            <source>cannot read the share {root}: {exc}</source>
            <translation>общата папка {root} не може да бъде прочетена: {exc}</translation>
        </message>
        <message>
            <source>cannot read {lock}: {exc}</source>
            <translation>{lock} не може да бъде прочетен: {exc}</translation>
        </message>
        <message>
            <source>cannot read {path}: {exc}</source>
            <translation>{path} не може да бъде прочетен: {exc}</translation>
        </message>
        <message>
            <source>cannot write {path}: {exc}</source>
            <translation>{path} не може да бъде записан: {exc}</translation>
        </message>
        <message>
            <source>cannot write {target}: {exc}</source>
            <translation>{target} не може да бъде записан: {exc}</translation>
        </message>
        <message>
            <source>client {client}, session {session}: {count} ({lists})</source>
            <translation>клиент {client}, сесия {session}: {count} ({lists})</translation>
        </message>
        <message>
            <source>client {client}: second check {state}</source>
            <translation>клиент {client}: втора проверка {state}</translation>
        </message>
        <message>
            <source>client {given!r} not found on {root} (clients: {known})</source>
            <translation>клиент {given!r} не е намерен в {root} (клиенти: {known})</translation>
        </message>
        <message>
            <source>client_id {client_id!r} is not this folder's client</source>
            <translation>client_id {client_id!r} не е клиентът на тази папка</translation>
        </message>
        <message>
            <source>completed_orders is {done}, packing_state.json has {completed_orders}</source>
            <translation>completed_orders е {done}, а в packing_state.json е {completed_orders}</translation>
        </message>
        <message>
            <source>completed_orders is {given}, the journal has {marks} at event {at_summary}</source>
            <translation>completed_orders е {given}, а в дневника е {marks} при събитие {at_summary}</translation>
        </message>
        <message>
            <source>conflict record cannot be read ({why})</source>
            <translation>записът за конфликт не може да бъде прочетен ({why})</translation>
        </message>
        <message>
            <source>conflict: order {order} was packed in {here} although the ledger gives it to {counted}: two parcels may have left; counted once (the conflict is not resolved automatically)</source>
            <translation>конфликт: поръчка {order} е пакетирана в {here}, макар че регистърът я дава на {counted}: може да са тръгнали две пратки; отчетена е веднъж (конфликтът не се решава автоматично)</translation>
        </message>
        <message>
            <source>could not write the demo share in {target}: {exc}</source>
            <translation>демо общата папка не можа да бъде записана в {target}: {exc}</translation>
        </message>
        <message>
            <source>counts as held until {seconds:.0f} s old</source>
            <translation>смята се за заето, докато не стане на {seconds:.0f} с</translation>
        </message>
        <message>
            <source>damaged order ledger record: {entry}; {hint}</source>
            <translation>повреден запис в регистъра на поръчките: {entry}; {hint}</translation>
        </message>
        <message>
            <source>delete the leftover temp file {where}</source>
            <translation>изтриване на останалия временен файл {where}</translation>
        </message>
        <message>
            <source>deleted ({kept})</source>
            <translation>изтрит ({kept})</translation>
        </message>
        <message>
            <source>does not fit the packing list ({exc})</source>
            <translation>не отговаря на списъка за пакетиране ({exc})</translation>
        </message>
        <message>
            <source>done</source>
            <translation>готово</translation>
        </message>
        <message>
            <source>entries name {what}: {names}{more}</source>
            <translation>записите посочват {what}: {names}{more}</translation>
        </message>
        <message>
            <source>entries.{key}: must be an object</source>
            <translation>entries.{key}: трябва да е обект</translation>
        </message>
        <message>
            <source>entries.{key}: names {entry_key}</source>
            <translation>entries.{key}: посочва {entry_key}</translation>
        </message>
        <message>
            <source>entries.{key}: session_id and packing_list_name must be strings</source>
            <translation>entries.{key}: session_id и packing_list_name трябва да са текст</translation>
        </message>
        <message>
            <source>entries.{key}: status {status!r} is not one of {statuses}</source>
            <translation>entries.{key}: състоянието {status!r} не е сред {statuses}</translation>
        </message>
        <message>
            <source>error</source>
            <translation>грешка</translation>
        </message>
        <message>
            <source>finish the interrupted ending of {where}</source>
            <translation>довършване на прекъснатото приключване на {where}</translation>
        </message>
        <message>
            <source>ignored: {problem}</source>
            <translation>пренебрегнато: {problem}</translation>
        </message>
        <message>
            <source>it is gone already</source>
            <translation>вече го няма</translation>
        </message>
        <message>
            <source>it was packed after the list was last ended; ending the list again lists it</source>
            <translation>пакетирана е след последното приключване на списъка; ново приключване я включва</translation>
        </message>
        <message>
            <source>its list's lock cannot be read ({exc})</source>
            <translation>заключването на списъка му не може да бъде прочетено ({exc})</translation>
        </message>
        <message>
            <source>keep the damaged ledger record {where} aside and rebuild it from the summaries</source>
            <translation>отделяне на повредения запис {where} от регистъра и възстановяването му от обобщенията</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>оставен</translation>
        </message>
        <message>
            <source>last heartbeat: {when} ({age})</source>
            <translation>последен сигнал за активност: {when} ({age})</translation>
        </message>
        <message>
            <source>leftover temp file of an interrupted write ({size} bytes)</source>
            <translation>останал временен файл от прекъснат запис ({size} байта)</translation>
        </message>
        <message>
            <source>let the file's own normaliser repair {where} (under its lock)</source>
            <translation>поправка на {where} от собствената проверка на файла (под неговото заключване)</translation>
        </message>
        <message>
            <source>line {number} cannot be read (JSON nested too deeply to read)</source>
            <translation>ред {number} не може да бъде прочетен (JSON е вложен твърде дълбоко)</translation>
        </message>
        <message>
            <source>line {number} cannot be read ({exc})</source>
            <translation>ред {number} не може да бъде прочетен ({exc})</translation>
        </message>
        <message>
            <source>line {number} holds event {seq}, expected {expected}</source>
            <translation>ред {number} съдържа събитие {seq}, очаквано е {expected}</translation>
        </message>
        <message>
            <source>list {list_name} of session {session_id} is being packed again: its claim lives</source>
            <translation>списък {list_name} от сесия {session_id} отново се пакетира: резервацията му е в сила</translation>
        </message>
        <message>
            <source>more problems in this file not shown</source>
            <translation>още проблеми в този файл не са показани</translation>
        </message>
        <message>
            <source>moved</source>
            <translation>преместен</translation>
        </message>
        <message>
            <source>names worker {workers}, not in {where}</source>
            <translation>посочва работник {workers}, който не е в {where}</translation>
        </message>
        <message>
            <source>no client {client} in {folder}</source>
            <translation>няма клиент {client} в {folder}</translation>
        </message>
        <message>
            <source>no interrupted ending any more</source>
            <translation>вече няма прекъснато приключване</translation>
        </message>
        <message>
            <source>no order is missing from the ledger any more</source>
            <translation>вече не липсва поръчка в регистъра</translation>
        </message>
        <message>
            <source>no statistics for client {bare!r} (clients recorded: {listed})</source>
            <translation>няма статистика за клиент {bare!r} (записани клиенти: {listed})</translation>
        </message>
        <message>
            <source>no version: an older format, read as {current}{how}</source>
            <translation>няма версия: по-стар формат, прочетен като {current}{how}</translation>
        </message>
        <message>
            <source>nobody holds the order any more</source>
            <translation>вече никой не държи поръчката</translation>
        </message>
        <message>
            <source>none</source>
            <translation>няма</translation>
        </message>
        <message>
            <source>not UTF-8 text</source>
            <translation>не е текст в UTF-8</translation>
        </message>
        <message>
            <source>not a valid lock file and older than the stale threshold: the list is free</source>
            <translation>не е валиден файл за заключване и е по-стар от прага за изоставяне: списъкът е свободен</translation>
        </message>
        <message>
            <source>not a valid lock file; it counts as held until it is {minutes:.0f} minutes old</source>
            <translation>не е валиден файл за заключване; смята се за заето, докато не стане на {minutes:.0f} минути</translation>
        </message>
        <message>
            <source>not confirmed; nothing changed</source>
            <translation>не е потвърдено; нищо не е променено</translation>
        </message>
        <message>
            <source>not done</source>
            <translation>не е готово</translation>
        </message>
        <message>
            <source>not recoverable: no summary lists its order; the damaged record is kept at {path} and the order has no record now (the next station to scan its label claims it afresh)</source>
            <translation>не може да бъде възстановен: нито едно обобщение не съдържа поръчката; повреденият запис е запазен в {path} и поръчката вече няма запис (следващата станция, която сканира етикета ѝ, я резервира наново)</translation>
        </message>
        <message>
            <source>not released: {exc}</source>
            <translation>не е освободено: {exc}</translation>
        </message>
        <message>
            <source>not valid JSON ({exc})</source>
            <translation>невалиден JSON ({exc})</translation>
        </message>
        <message>
            <source>note: {warning}</source>
            <translation>бележка: {warning}</translation>
        </message>
        <message>
            <source>notice</source>
            <translation>забележка</translation>
        </message>
        <message>
            <source>off</source>
            <translation>изключена</translation>
        </message>
        <message>
            <source>on</source>
            <translation>включена</translation>
        </message>
        <message>
            <source>only the first {max_folders:,} folders were searched for links</source>
            <translation>за връзки са претърсени само първите {max_folders:,} папки</translation>
        </message>
        <message>
            <source>order value: {value} (only lists with an order-level price column)</source>
            <translation>стойност на поръчката: {value} (само за списъци с колона за цена на поръчката)</translation>
        </message>
        <message>
            <source>order {number} is counted here, but the order ledger counts it in {where}</source>
            <translation>поръчка {number} е отчетена тук, но регистърът на поръчките я отчита в {where}</translation>
        </message>
        <message>
            <source>order {number} is counted here, but the order ledger has it claimed by {where}, not packed: it may be packed again</source>
            <translation>поръчка {number} е отчетена тук, но в регистъра на поръчките е резервирана от {where}, а не пакетирана: може да бъде пакетирана отново</translation>
        </message>
        <message>
            <source>order {order_number} is packed in list {list_name} of session {session_id} by the ledger, but {relative} was written without it: {why}</source>
            <translation>според регистъра поръчка {order_number} е пакетирана в списък {list_name} от сесия {session_id}, но {relative} е записан без нея: {why}</translation>
        </message>
        <message>
            <source>order {order}: second check skipped at {at} ({worker_name} at the station), reason: {reason}</source>
            <translation>поръчка {order}: втората проверка е пропусната в {at} ({worker_name} на станцията), причина: {reason}</translation>
        </message>
        <message>
            <source>original kept at {path}</source>
            <translation>оригиналът е запазен в {path}</translation>
        </message>
        <message>
            <source>packing list {list_name!r} not found in {session_dir}</source>
            <translation>списък за пакетиране {list_name!r} не е намерен в {session_dir}</translation>
        </message>
        <message>
            <source>packing-tool stats rebuild: not written while there are problems (above); fix them first</source>
            <translation>packing-tool stats rebuild: не се записва, докато има проблеми (по-горе); първо ги поправи</translation>
        </message>
        <message>
            <source>packing_list_name {name!r} is not the name of its folder</source>
            <translation>packing_list_name {name!r} не е името на папката му</translation>
        </message>
        <message>
            <source>packing_progress: must be an object, got {kind}</source>
            <translation>packing_progress: трябва да е обект, а е {kind}</translation>
        </message>
        <message>
            <source>progress.completed_orders is {given}, the journal has {marks} at event {at_state}</source>
            <translation>progress.completed_orders е {given}, а в дневника е {marks} при събитие {at_state}</translation>
        </message>
        <message>
            <source>random sample: {sample_percent:g} %</source>
            <translation>случайна извадка: {sample_percent:g} %</translation>
        </message>
        <message>
            <source>reading the sessions of client {client}</source>
            <translation>четене на сесиите на клиент {client}</translation>
        </message>
        <message>
            <source>rebuild {where} from the session folders</source>
            <translation>възстановяване на {where} от папките на сесиите</translation>
        </message>
        <message>
            <source>rebuilt from {source} (the damaged record is kept at {path})</source>
            <translation>възстановен от {source} (повреденият запис е запазен в {path})</translation>
        </message>
        <message>
            <source>reflects journal event {at_state}, but the journal ends at event {last}</source>
            <translation>отразява събитие {at_state} от дневника, но дневникът свършва при събитие {last}</translation>
        </message>
        <message>
            <source>reflects journal event {at_summary}, but the journal ends at event {last}</source>
            <translation>отразява събитие {at_summary} от дневника, но дневникът свършва при събитие {last}</translation>
        </message>
        <message>
            <source>release the dead station's claim {where} (kept aside, audited)</source>
            <translation>освобождаване на резервацията {where} на спряла станция (запазена настрани, записана в одита)</translation>
        </message>
        <message>
            <source>released (kept at {path}; recorded in order_ledger/audit.jsonl)</source>
            <translation>освободена (запазена в {path}; записано в order_ledger/audit.jsonl)</translation>
        </message>
        <message>
            <source>remove the stale lock {where}</source>
            <translation>премахване на изоставеното заключване {where}</translation>
        </message>
        <message>
            <source>removed ({kept}; recorded in lock_history.jsonl)</source>
            <translation>премахнато ({kept}; записано в lock_history.jsonl)</translation>
        </message>
        <message>
            <source>repair the scan journal of {where} from this PC's copy, or keep the lines before the damage (the file kept aside)</source>
            <translation>поправка на дневника на сканиранията на {where} от копието на този компютър или запазване на редовете преди повредата (файлът се запазва настрани)</translation>
        </message>
        <message>
            <source>restore {where} from its .bak sidecar (under its lock)</source>
            <translation>възстановяване на {where} от копието му .bak (под неговото заключване)</translation>
        </message>
        <message>
            <source>rewrite {where} from the list's scan journal</source>
            <translation>презаписване на {where} от дневника на сканиранията на списъка</translation>
        </message>
        <message>
            <source>rewritten from {n_events} journal events ({kept})</source>
            <translation>презаписан от {n_events} събития в дневника ({kept})</translation>
        </message>
        <message>
            <source>rewritten under its lock ({kept})</source>
            <translation>презаписан под заключването си ({kept})</translation>
        </message>
        <message>
            <source>session {session!r} of client {client} not found ({session_dir})</source>
            <translation>сесия {session!r} на клиент {client} не е намерена ({session_dir})</translation>
        </message>
        <message>
            <source>sessions: {sessions} (+ {archived_sessions} archived), work folders: {work_folders}</source>
            <translation>сесии: {sessions} (+ {archived_sessions} архивирани), работни папки: {work_folders}</translation>
        </message>
        <message>
            <source>share root {path} does not exist (give --root PATH)</source>
            <translation>общата папка {path} не съществува (задай --root ПЪТ)</translation>
        </message>
        <message>
            <source>share root {root} does not exist</source>
            <translation>общата папка {root} не съществува</translation>
        </message>
        <message>
            <source>since: {when}</source>
            <translation>от: {when}</translation>
        </message>
        <message>
            <source>skipped: {problem}</source>
            <translation>пропуснато: {problem}</translation>
        </message>
        <message>
            <source>stale</source>
            <translation>изоставено</translation>
        </message>
        <message>
            <source>stale lock of {holder} ({beat}{gone})</source>
            <translation>изоставено заключване от {holder} ({beat}{gone})</translation>
        </message>
        <message>
            <source>stale: it is this PC's and its program no longer runs</source>
            <translation>изоставено: на този компютър е и програмата му вече не работи</translation>
        </message>
        <message>
            <source>stale: no heartbeat for more than {seconds:.0f} s</source>
            <translation>изоставено: няма сигнал за активност повече от {seconds:.0f} с</translation>
        </message>
        <message>
            <source>state: {state}</source>
            <translation>състояние: {state}</translation>
        </message>
        <message>
            <source>station: {station} (process {process}, user {user})</source>
            <translation>станция: {station} (процес {process}, потребител {user})</translation>
        </message>
        <message>
            <source>statistics: {stats}, worker profiles: {workers}, barcode maps: {barcode_maps}</source>
            <translation>статистика: {stats}, профили на работници: {workers}, таблици с баркодове: {barcode_maps}</translation>
        </message>
        <message>
            <source>summary, statistics and worker profiles written</source>
            <translation>обобщението, статистиката и профилите на работниците са записани</translation>
        </message>
        <message>
            <source>summary, statistics and worker profiles written ({kept})</source>
            <translation>обобщението, статистиката и профилите на работниците са записани ({kept})</translation>
        </message>
        <message>
            <source>tags: {tags}</source>
            <translation>етикети: {tags}</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>файлът е празен</translation>
        </message>
        <message>
            <source>the file is unreadable and has no good .bak copy; it is left as it is</source>
            <translation>файлът е нечетим и няма здраво копие .bak; оставен е както е</translation>
        </message>
        <message>
            <source>the findings could not be kept on the share: {exc}</source>
            <translation>резултатите не можаха да бъдат запазени в общата папка: {exc}</translation>
        </message>
        <message>
            <source>the journal reads in order now</source>
            <translation>дневникът вече се чете наред</translation>
        </message>
        <message>
            <source>the last line is torn ({n_torn} bytes without a line end): a crash cut it before it was acknowledged; it is cut off at the next scan</source>
            <translation>последният ред е прекъснат ({n_torn} байта без край на ред): срив го е прекъснал преди потвърждението; отрязва се при следващото сканиране</translation>
        </message>
        <message>
            <source>the list cannot be read: {exc}</source>
            <translation>списъкът не може да бъде прочетен: {exc}</translation>
        </message>
        <message>
            <source>the list is being ended now (its station holds the lock)</source>
            <translation>списъкът се приключва в момента (станцията му държи заключването)</translation>
        </message>
        <message>
            <source>the list is being packed ({held})</source>
            <translation>списъкът се пакетира ({held})</translation>
        </message>
        <message>
            <source>the list is held by {holder}</source>
            <translation>списъкът е зает от {holder}</translation>
        </message>
        <message>
            <source>the list is locked: {exc}</source>
            <translation>списъкът е заключен: {exc}</translation>
        </message>
        <message>
            <source>the list's lock cannot be taken ({exc})</source>
            <translation>заключването на списъка не може да бъде взето ({exc})</translation>
        </message>
        <message>
            <source>the lock file is not a valid lock</source>
            <translation>файлът за заключване не е валидно заключване</translation>
        </message>
        <message>
            <source>the lock is gone already</source>
            <translation>заключването вече го няма</translation>
        </message>
        <message>
            <source>the lock is live again: {holder}</source>
            <translation>заключването отново е активно: {holder}</translation>
        </message>
        <message>
            <source>the plan is for another list ({client}/{session}/{list_name}); it is not run</source>
            <translation>планът е за друг списък ({client}/{session}/{list_name}); не се изпълнява</translation>
        </message>
        <message>
            <source>the record is damaged now ({entry})</source>
            <translation>записът вече е повреден ({entry})</translation>
        </message>
        <message>
            <source>the record is gone already</source>
            <translation>записът вече го няма</translation>
        </message>
        <message>
            <source>the record reads well now</source>
            <translation>записът вече се чете добре</translation>
        </message>
        <message>
            <source>the scan journal has no events to rebuild it from</source>
            <translation>в дневника на сканиранията няма събития, от които да бъде възстановен</translation>
        </message>
        <message>
            <source>the summary does not list it</source>
            <translation>обобщението не я съдържа</translation>
        </message>
        <message>
            <source>there was no file</source>
            <translation>нямаше файл</translation>
        </message>
        <message>
            <source>to move</source>
            <translation>за местене</translation>
        </message>
        <message>
            <source>top level is a {kind}, expected a JSON object</source>
            <translation>най-горното ниво е {kind}, очаква се JSON обект</translation>
        </message>
        <message>
            <source>unknown version {version!r} (this program writes {current})</source>
            <translation>непозната версия {version!r} (тази програма записва {current})</translation>
        </message>
        <message>
            <source>values of the wrong type were kept under _invalid ({keys})</source>
            <translation>стойности от грешен тип са запазени в _invalid ({keys})</translation>
        </message>
        <message>
            <source>version {version} is newer than this program knows ({current}); its unknown keys are kept</source>
            <translation>версия {version} е по-нова от известната на тази програма ({current}); непознатите ключове се запазват</translation>
        </message>
        <message>
            <source>version {version} is older than {current}{how}</source>
            <translation>версия {version} е по-стара от {current}{how}</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>предупреждение</translation>
        </message>
        <message>
            <source>work folder of list {name!r}, but the session has no packing list of that name</source>
            <translation>работна папка на списък {name!r}, но сесията няма списък за пакетиране с това име</translation>
        </message>
        <message>
            <source>worker: {worker}</source>
            <translation>работник: {worker}</translation>
        </message>
        <message>
            <source>would move</source>
            <translation>ще премести</translation>
        </message>
        <message>
            <source>written: {when} ({age})</source>
            <translation>записан: {when} ({age})</translation>
        </message>
        <message>
            <source>{count} not in the order ledger ({shown}): history from before the ledger, so stations would not know they are packed; `verify --repair` backfills them</source>
            <translation>{count} в регистъра на поръчките ({shown}): история отпреди регистъра, затова станциите не биха знаели, че са пакетирани; `verify --repair` ги допълва</translation>
        </message>
        <message>
            <source>{created} records created from {n_summaries} summaries (recorded in order_ledger/audit.jsonl){more}</source>
            <translation>създадени записи: {created} от обобщения: {n_summaries} (записано в order_ledger/audit.jsonl){more}</translation>
        </message>
        <message>
            <source>{days:.0f} days ago</source>
            <translation>преди {days:.0f} дни</translation>
        </message>
        <message>
            <source>{exc}; try again</source>
            <translation>{exc}; опитай отново</translation>
        </message>
        <message>
            <source>{exc}; try again in a moment</source>
            <translation>{exc}; опитай отново след малко</translation>
        </message>
        <message>
            <source>{fields} disagree with the folder it is in</source>
            <translation>{fields} не съвпада с папката, в която е</translation>
        </message>
        <message>
            <source>{files} checked: {errors}, {warnings}, {notices}</source>
            <translation>Проверени: {files}; {errors}, {warnings}, {notices}</translation>
        </message>
        <message>
            <source>{holder} (heartbeat {age})</source>
            <translation>{holder} (сигнал за активност {age})</translation>
        </message>
        <message>
            <source>{hours:.0f} h {minutes:.0f} min ago</source>
            <translation>преди {hours:.0f} ч {minutes:.0f} мин</translation>
        </message>
        <message>
            <source>{key}: {n_bad} records are not objects (first: [{bad}])</source>
            <translation>{key}: {n_bad} записа не са обекти (първи: [{bad}])</translation>
        </message>
        <message>
            <source>{mapping_key}: must be an object (barcode → SKU), got {kind}</source>
            <translation>{mapping_key}: трябва да е обект (баркод → SKU), а е {kind}</translation>
        </message>
        <message>
            <source>{mapping_key}: {n_bad} barcodes map to no SKU and are ignored (first: {code!r} → {sku})</source>
            <translation>{mapping_key}: {n_bad} баркода не водят до SKU и се пренебрегват (първи: {code!r} → {sku})</translation>
        </message>
        <message>
            <source>{minutes:.0f} min ago</source>
            <translation>преди {minutes:.0f} мин</translation>
        </message>
        <message>
            <source>{more} more orders were completed after the list was ended; end it again to count them</source>
            <translation>още {more} поръчки са завършени след приключването на списъка; приключи го отново, за да бъдат отчетени</translation>
        </message>
        <message>
            <source>{n_found} difference(s) (stored -&gt; rebuilt):</source>
            <translation>Разлики: {n_found} (записано -&gt; преизчислено):</translation>
        </message>
        <message>
            <source>{n_problems} orders or lines cannot be packed and are left out (first: {where}: {reason})</source>
            <translation>поръчки или редове, които не могат да бъдат пакетирани и са пропуснати: {n_problems} (първи: {where}: {reason})</translation>
        </message>
        <message>
            <source>{n_todo} files are older than the current format:</source>
            <translation>Файлове в по-стар от текущия формат: {n_todo}</translation>
        </message>
        <message>
            <source>{name} is being packed by {holder}: the lock is live and is not released (--force-live releases it anyway)</source>
            <translation>{name} се пакетира от {holder}: заключването е активно и не се освобождава (--force-live го освобождава въпреки това)</translation>
        </message>
        <message>
            <source>{name} is not a client folder</source>
            <translation>{name} не е папка на клиент</translation>
        </message>
        <message>
            <source>{name}: could not release the lock: {exc}</source>
            <translation>{name}: заключването не можа да бъде освободено: {exc}</translation>
        </message>
        <message>
            <source>{name}: no lock ({lock} does not exist)</source>
            <translation>{name}: няма заключване ({lock} не съществува)</translation>
        </message>
        <message>
            <source>{name}: not released; nothing changed</source>
            <translation>{name}: не е освободено; нищо не е променено</translation>
        </message>
        <message>
            <source>{n} entries from the folders ({kept})</source>
            <translation>{n} записа от папките ({kept})</translation>
        </message>
        <message>
            <source>{n} error</source>
            <translation>{n} грешка</translation>
        </message>
        <message>
            <source>{n} errors</source>
            <translation>{n} грешки</translation>
        </message>
        <message>
            <source>{n} file</source>
            <translation>{n} файл</translation>
        </message>
        <message>
            <source>{n} files</source>
            <translation>{n} файла</translation>
        </message>
        <message>
            <source>{n} list</source>
            <translation>{n} списък</translation>
        </message>
        <message>
            <source>{n} lists</source>
            <translation>{n} списъка</translation>
        </message>
        <message>
            <source>{n} notice</source>
            <translation>{n} забележка</translation>
        </message>
        <message>
            <source>{n} notices</source>
            <translation>{n} забележки</translation>
        </message>
        <message>
            <source>{n} warning</source>
            <translation>{n} предупреждение</translation>
        </message>
        <message>
            <source>{n} warnings</source>
            <translation>{n} предупреждения</translation>
        </message>
        <message>
            <source>{path} is unreadable; it must be repaired before an ending can add to it</source>
            <translation>{path} е нечетим; трябва да бъде поправен, преди приключване да добави към него</translation>
        </message>
        <message>
            <source>{prefix}{key}: missing</source>
            <translation>{prefix}{key}: липсва</translation>
        </message>
        <message>
            <source>{prefix}{key}: must be {what} or null, got {show}</source>
            <translation>{prefix}{key}: трябва да е {what} или null, а е {show}</translation>
        </message>
        <message>
            <source>{prefix}{key}: must be {what}, got {show}</source>
            <translation>{prefix}{key}: трябва да е {what}, а е {show}</translation>
        </message>
        <message>
            <source>{problems} problem(s), {notes} note(s) on lines left out.</source>
            <translation>Проблеми: {problems}; бележки за пропуснати редове: {notes}.</translation>
        </message>
        <message>
            <source>{problem} (when read in today's format)</source>
            <translation>{problem} (при четене в днешния формат)</translation>
        </message>
        <message>
            <source>{question} [y/N] </source>
            <translation>{question} [д/Н] </translation>
        </message>
        <message>
            <source>{seconds:.0f} s ago</source>
            <translation>преди {seconds:.0f} с</translation>
        </message>
        <message>
            <source>{section}.{client}: must be an object</source>
            <translation>{section}.{client}: трябва да е обект</translation>
        </message>
        <message>
            <source>{target} already exists; give --force to overwrite it</source>
            <translation>{target} вече съществува; дай --force, за да бъде презаписан</translation>
        </message>
        <message>
            <source>{target} exists and is not a folder</source>
            <translation>{target} съществува и не е папка</translation>
        </message>
        <message>
            <source>{target} exists; use --force to overwrite it</source>
            <translation>{target} вече съществува; дай --force, за да бъде презаписан</translation>
        </message>
        <message>
            <source>{target} is not empty; choose a new folder, or give --force to add only the missing demo files</source>
            <translation>{target} не е празна; избери нова папка или дай --force, за да бъдат добавени само липсващите демо файлове</translation>
        </message>
        <message>
            <source>{target}: cannot tell the format from the suffix {suffix}; give a path ending in .xlsx or .csv</source>
            <translation>{target}: форматът не може да бъде определен от разширението {suffix}; задай път, завършващ на .xlsx или .csv</translation>
        </message>
        <message>
            <source>{target}: the folder {parent} does not exist</source>
            <translation>{target}: папката {parent} не съществува</translation>
        </message>
        <message>
            <source>{warning} when read</source>
            <translation>{warning} при четене</translation>
        </message>
        <message>
            <source>{where}.status: {status!r} is not one of {statuses}</source>
            <translation>{where}.status: {status!r} не е сред {statuses}</translation>
        </message>
        <message>
            <source>{where}: id {wid} is also the id of workers[{ids}]</source>
            <translation>{where}: id {wid} е и id на workers[{ids}]</translation>
        </message>
        <message>
            <source>{where}: must be an object</source>
            <translation>{where}: трябва да е обект</translation>
        </message>
        <message>
            <source>{where}: must be an object, got {kind}</source>
            <translation>{where}: трябва да е обект, а е {kind}</translation>
        </message>
        <message>
            <source>{where}: name {name!r} is also the name of {names}</source>
            <translation>{where}: името {name!r} е и име на {names}</translation>
        </message>
        <message>
            <source>{where}: names a list this session does not have</source>
            <translation>{where}: посочва списък, който тази сесия няма</translation>
        </message>
        <message>
            <source>; `packing-tool migrate` brings it up</source>
            <translation>; `packing-tool migrate` го обновява</translation>
        </message>
        <message>
            <source>{files} looked at: {done} to upgrade, {current} up to date, {skipped} skipped, {problems} unreadable or failed</source>
            <translation>Прегледани: {files}; за обновяване: {done}, актуални: {current}, пропуснати: {skipped}, нечетими или неуспешни: {problems}</translation>
        </message>
        <message>
            <source>{files} looked at: {done} upgraded, {current} up to date, {skipped} skipped, {problems} unreadable or failed</source>
            <translation>Прегледани: {files}; обновени: {done}, актуални: {current}, пропуснати: {skipped}, нечетими или неуспешни: {problems}</translation>
        </message>
        <message>
            <source>Kept as they are (the summaries cannot know them): the analysis figures (total_orders_analyzed, by_client.*.orders_analyzed, analysis_history), packing_history, recorded_ids, the label-print figures, unknown keys, and the workers' names, active flags and created_at.</source>
            <translation>Остават както са (обобщенията не могат да ги знаят): числата от анализа (total_orders_analyzed, by_client.*.orders_analyzed, analysis_history), packing_history, recorded_ids, числата за отпечатани етикети, непознатите ключове, както и имената на работниците, отметките за активност и created_at.</translation>
        </message>
        <message>
            <source>Wrote every table to {target}</source>
            <translation>Всички таблици са записани в {target}</translation>
        </message>
        <message>
            <source>Wrote the {table} table to {target}</source>
            <translation>Таблицата {table} е записана в {target}</translation>
        </message>
        <message>
            <source>a lock file that is not a valid lock</source>
            <translation>файл за заключване, който не е валидно заключване</translation>
        </message>
        <message>
            <source>cannot move {src} to {dest}: {exc}</source>
            <translation>{src} не може да бъде преместен в {dest}: {exc}</translation>
        </message>
        <message>
            <source>changed since the check: {reasons}</source>
            <translation>променена след проверката: {reasons}</translation>
        </message>
        <message>
            <source>copied {src} to {dest} and checked the copy, but the source could not be removed completely ({exc}); remove what is left of it by hand</source>
            <translation>{src} е копиран в {dest} и копието е проверено, но източникът не можа да бъде премахнат изцяло ({exc}); премахни останалото ръчно</translation>
        </message>
        <message>
            <source>copying {src} to {dest} failed: {exc}</source>
            <translation>копирането на {src} в {dest} не успя: {exc}</translation>
        </message>
        <message>
            <source>never opened: {lists} (--include-unpacked archives such sessions)</source>
            <translation>никога не са отваряни: {lists} (--include-unpacked архивира и такива сесии)</translation>
        </message>
        <message>
            <source>no packing list was ever opened</source>
            <translation>нито един списък за пакетиране не е отварян</translation>
        </message>
        <message>
            <source>reading session summaries</source>
            <translation>четене на обобщенията на сесиите</translation>
        </message>
        <message>
            <source>session index not updated: {exc}</source>
            <translation>индексът на сесиите не е обновен: {exc}</translation>
        </message>
        <message>
            <source>the copy of {source} at {copy} differs from it</source>
            <translation>копието на {source} в {copy} се различава от него</translation>
        </message>
        <message>
            <source>{dest} exists already (not overwritten)</source>
            <translation>{dest} вече съществува (не е презаписан)</translation>
        </message>
        <message>
            <source>{dest} exists already; it is never overwritten</source>
            <translation>{dest} вече съществува; никога не се презаписва</translation>
        </message>
        <message>
            <source>{name}: holds a lock ({who})</source>
            <translation>{name}: заключен ({who})</translation>
        </message>
        <message>
            <source>{name}: its end is still pending ({pending})</source>
            <translation>{name}: приключването му още не е завършило ({pending})</translation>
        </message>
        <message>
            <source>{name}: its lock file cannot be read ({exc})</source>
            <translation>{name}: файлът му за заключване не може да бъде прочетен ({exc})</translation>
        </message>
        <message>
            <source>{name}: not ended (no {summary})</source>
            <translation>{name}: не е приключен (няма {summary})</translation>
        </message>
        <message>
            <source>{name}: {status}, {done} of {total} orders packed</source>
            <translation>{name}: {status}, пакетирани поръчки {done} от {total}</translation>
        </message>
        <message>
            <source>{path} is a link; move this session by hand</source>
            <translation>{path} е връзка; премести тази сесия ръчно</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation>Отказано: нищо не е записано.</translation>
        </message>
        <message>
            <source>NEWER</source>
            <translation>ПО-НОВ</translation>
        </message>
        <message>
            <source>Nothing to restore: the share holds everything the archive does.</source>
            <translation>Няма какво да се възстановява: общата папка съдържа всичко от архива.</translation>
        </message>
        <message>
            <source>Refused: {n_newer} file(s) on the share are newer than the archive's copies (NEWER above); nothing was written. Use --force to replace them anyway (their current content is kept aside).</source>
            <translation>Отказано: файлове в общата папка са по-нови от копията в архива ({n_newer}, ПО-НОВ по-горе); нищо не е записано. Дай --force, за да бъдат заменени въпреки това (текущото им съдържание се запазва настрани).</translation>
        </message>
        <message>
            <source>Restored {restored} missing file(s) and replaced {replaced} (kept aside as *.before-restore-*); {identical} identical left as they were.</source>
            <translation>Възстановени липсващи файлове: {restored}, заменени: {replaced} (запазени настрани като *.before-restore-*); еднакви, оставени както са: {identical}.</translation>
        </message>
        <message>
            <source>Write {files} file(s) into {root} ({replaced} replaced, their current content kept aside)?</source>
            <translation>Да се запишат ли файловете ({files}) в {root} (заменени: {replaced}, текущото им съдържание се запазва настрани)?</translation>
        </message>
        <message>
            <source>archived</source>
            <translation>архивиран</translation>
        </message>
        <message>
            <source>backup format {version!r} is not one this version reads (up to {format_version})</source>
            <translation>форматът на резервното копие {version!r} не се чете от тази версия (до {format_version})</translation>
        </message>
        <message>
            <source>cannot</source>
            <translation>невъзможно</translation>
        </message>
        <message>
            <source>changed on the share after the backup was made</source>
            <translation>променен в общата папка след създаването на резервното копие</translation>
        </message>
        <message>
            <source>identical</source>
            <translation>еднакъв</translation>
        </message>
        <message>
            <source>its session was archived since the backup</source>
            <translation>сесията му е архивирана след резервното копие</translation>
        </message>
        <message>
            <source>its {manifest} has no list of files</source>
            <translation>{manifest} няма списък с файлове</translation>
        </message>
        <message>
            <source>its {manifest} is not valid JSON ({exc})</source>
            <translation>{manifest} не е валиден JSON ({exc})</translation>
        </message>
        <message>
            <source>last_updated {share_at} is after the archive's {archive_at}</source>
            <translation>last_updated {share_at} е след този в архива ({archive_at})</translation>
        </message>
        <message>
            <source>missing on the share</source>
            <translation>липсва в общата папка</translation>
        </message>
        <message>
            <source>no such file</source>
            <translation>няма такъв файл</translation>
        </message>
        <message>
            <source>not a Packing Tool backup (it has no {manifest})</source>
            <translation>не е резервно копие на Packing Tool (няма {manifest})</translation>
        </message>
        <message>
            <source>not a Packing Tool backup ({manifest} is not ours)</source>
            <translation>не е резервно копие на Packing Tool ({manifest} не е наш)</translation>
        </message>
        <message>
            <source>not a zip archive ({exc})</source>
            <translation>не е zip архив ({exc})</translation>
        </message>
        <message>
            <source>not restored: {path} ({reason})</source>
            <translation>не е възстановен: {path} ({reason})</translation>
        </message>
        <message>
            <source>refused: it holds files its {manifest} does not list: {files}</source>
            <translation>отказано: съдържа файлове, които {manifest} не изброява: {files}</translation>
        </message>
        <message>
            <source>refused: it holds {name!r}, a path that could leave the share</source>
            <translation>отказано: съдържа {name!r}, път, който може да излезе извън общата папка</translation>
        </message>
        <message>
            <source>refused: {name!r} is {kind}, not a plain file</source>
            <translation>отказано: {name!r} е {kind}, а не обикновен файл</translation>
        </message>
        <message>
            <source>refused: {rel!r} would be written outside the share's metadata ({exc})</source>
            <translation>отказано: {rel!r} би бил записан извън метаданните на общата папка ({exc})</translation>
        </message>
        <message>
            <source>replace</source>
            <translation>замяна</translation>
        </message>
        <message>
            <source>restore</source>
            <translation>възстан.</translation>
        </message>
        <message>
            <source>same content</source>
            <translation>същото съдържание</translation>
        </message>
        <message>
            <source>the archive does not say when its copy was made</source>
            <translation>архивът не казва кога е направено копието му</translation>
        </message>
        <message>
            <source>the archive's copy is larger than {limit:,} bytes, too large for this JSON file</source>
            <translation>копието в архива е по-голямо от {limit:,} байта, твърде голямо за този JSON файл</translation>
        </message>
        <message>
            <source>the archive's copy is newer</source>
            <translation>копието в архива е по-ново</translation>
        </message>
        <message>
            <source>the archive's copy is not a JSON object</source>
            <translation>копието в архива не е JSON обект</translation>
        </message>
        <message>
            <source>the share's copy is larger than {limit:,} bytes</source>
            <translation>копието в общата папка е по-голямо от {limit:,} байта</translation>
        </message>
        <message>
            <source>{manifest} holds an entry without a path: {entry!r}</source>
            <translation>{manifest} съдържа запис без път: {entry!r}</translation>
        </message>
        <message>
            <source>{manifest} lists a file twice</source>
            <translation>{manifest} изброява файл два пъти</translation>
        </message>
        <message>
            <source>{manifest} lists {rel} but the zip does not hold it</source>
            <translation>{manifest} изброява {rel}, но zip файлът не го съдържа</translation>
        </message>
        <message>
            <source>{manifest}: {rel!r} has no size or sha256</source>
            <translation>{manifest}: {rel!r} няма размер или sha256</translation>
        </message>
        <message>
            <source>{rel} does not match its sha256 in {manifest}: the archive is damaged or was changed</source>
            <translation>{rel} не съвпада със sha256 в {manifest}: архивът е повреден или променен</translation>
        </message>
        <message>
            <source>{rel} is damaged in the zip ({exc})</source>
            <translation>{rel} е повреден в zip файла ({exc})</translation>
        </message>
        <message>
            <source>{target} is not a file</source>
            <translation>{target} не е файл</translation>
        </message>
        <message>
            <source>{path} is also under Sessions/ (archived twice?); counted once, from {counted}</source>
            <translation>{path} е и в Sessions/ (архивиран два пъти?); отчетен е веднъж, от {counted}</translation>
        </message>
        <message>
            <source>{path}: an ending was interrupted and is not finished (open the list or start the app on a station to finish it, then rebuild)</source>
            <translation>{path}: приключването е прекъснато и не е довършено (отвори списъка или пусни програмата на станция, за да бъде довършено, после преизчисли)</translation>
        </message>
        <message>
            <source>{path}: unreadable ({exc}); not counted</source>
            <translation>{path}: нечетим ({exc}); не е отчетен</translation>
        </message>
        <message>
            <source>checking</source>
            <translation>проверка</translation>
        </message>
        <message>
            <source>files</source>
            <translation>файлове</translation>
        </message>
        <message>
            <source>sessions</source>
            <translation>сесии</translation>
        </message>
        <message>
            <source>writing</source>
            <translation>записване</translation>
        </message>
        <message>
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s: грешка: %(message)s
</translation>
        </message>
        <message>
            <source>ACTION</source>
            <translation>ДЕЙСТВИЕ</translation>
        </message>
        <message>
            <source>AMOUNT</source>
            <translation>СУМА</translation>
        </message>
        <message>
            <source>ARCHIVE</source>
            <translation>АРХИВ</translation>
        </message>
        <message>
            <source>Adds up the 'counted' ledger of every session_summary.json under Sessions/ and Archive/Sessions/ and compares the packing figures of Stats/global_stats.json and the profile totals of Workers/workers.json with it. Every difference is printed. A physical order counts once (re-packs and conflicts are left out of 'counted'); an order that two summaries count (older history) is listed as a DOUBLE COUNT and left as recorded. Without --dry-run or --check it asks, then writes the rebuilt figures under each file's lock, keeping the previous content as &lt;file&gt;.before-rebuild-&lt;time&gt;. Run it while no station is ending a list.</source>
            <translation>Сумира регистъра 'counted' на всеки session_summary.json в Sessions/ и Archive/Sessions/ и сравнява с него числата за опаковане в Stats/global_stats.json и общите стойности на профилите в Workers/workers.json. Всяка разлика се отпечатва. Една физическа поръчка се брои веднъж (повторните опакования и конфликтите не влизат в 'counted'); поръчка, която две обобщения броят (по-стара история), се показва като ДВОЙНО БРОЕНЕ и остава както е записана. Без --dry-run или --check пита, после записва преизчислените числа под заключването на всеки файл, като пази предишното съдържание като &lt;file&gt;.before-rebuild-&lt;time&gt;. Пускайте я, докато никоя станция не приключва списък.</translation>
        </message>
        <message>
            <source>Bring older metadata files of Packing Tool up to the current format: session_summary.json
and packing_state.json of every list (also under Archive/Sessions), Workers/workers.json and
Stats/global_stats.json (the last two in place under their lock, as every writer does).
The original of each file is kept next to it (&lt;file&gt;.before-migrate-&lt;time&gt;). A list being
packed (live lock) is skipped; the Shopify Tool's files are never touched; an unreadable file
is named and left as it is, and the run goes on and exits 1. Files already current are not
written, so a second run changes nothing. Asks before writing (--yes answers for scripts).
</source>
            <translation>Привежда по-старите файлове с метаданни на Packing Tool към текущия формат: session_summary.json
и packing_state.json на всеки списък (и в Archive/Sessions), Workers/workers.json и
Stats/global_stats.json (последните два на място, под заключването им, както всеки запис).
Оригиналът на всеки файл се пази до него (&lt;file&gt;.before-migrate-&lt;time&gt;). Списък, който се
опакова в момента (активно заключване), се пропуска; файловете на Shopify Tool не се пипат;
нечетим файл се назовава и остава както е, а работата продължава и завършва с код 1. Файлове,
които вече са в текущия формат, не се записват, така че второ пускане не променя нищо.
Пита преди запис (--yes отговаря вместо вас в скриптове).
</translation>
        </message>
        <message>
            <source>CHARACTER</source>
            <translation>ЗНАК</translation>
        </message>
        <message>
            <source>COMMAND</source>
            <translation>КОМАНДА</translation>
        </message>
        <message>
            <source>CSV field separator (default: ';' where the station's locale writes decimals with a comma, Bulgarian among them, else ',')</source>
            <translation>разделител на полетата в CSV (по подразбиране: ';', където локалът на станцията пише десетичните със запетая, включително българският, иначе ',')</translation>
        </message>
        <message>
            <source>Check a backup zip (manifest and sha256 of every file), then restore files missing on the share and replace those the archive holds a newer copy of. If a file on the share is newer than the archive's copy, nothing is written unless --force. Replaced files are kept aside as &lt;name&gt;.before-restore-&lt;time&gt;.</source>
            <translation>Проверява zip архив с резервно копие (манифеста и sha256 на всеки файл), после възстановява липсващите на общата папка файлове и заменя тези, от които архивът има по-ново копие. Ако файл на общата папка е по-нов от копието в архива, нищо не се записва без --force. Заменените файлове се пазят настрана като &lt;name&gt;.before-restore-&lt;time&gt;.</translation>
        </message>
        <message>
            <source>Check every metadata file under the share root against its schema and against the files
it refers to: Stats/global_stats.json, Workers/workers.json, each client's packer_config.json
and packing_index.json, and in every session (also under Archive/Sessions) session_info.json,
the packing lists, and per list packing_state.json, scan_journal.jsonl, session_summary.json,
.session.lock, an interrupted ending and leftover temp files. Then each client's order
ledger (Sessions/CLIENT_&lt;ID&gt;/order_ledger/): damaged records, claims of stations whose list
lock is gone or stale, recorded conflicts, orders counted in two summaries, and orders the
summaries list that the ledger lacks. Every symbolic link or junction on the share is
listed with where it points (an error when it leads outside the root). Findings are errors,
warnings or notices; exit 0 when there is no error, 1 when errors remain, 2 for bad input.

--repair fixes only what is safe, after asking (--yes answers for scripts), keeping the
original of every file it changes next to it (&lt;file&gt;.before-repair-&lt;time&gt;): it finishes
interrupted endings, removes stale locks, rewrites a damaged packing_state.json from the
scan journal, rebuilds a damaged or outdated packing_index.json, lets the statistics and
worker files' own locked normalisers repair them (restoring from their .bak copy), and
deletes leftover temp files. In the order ledger it releases claims of dead stations (the
record kept as &lt;record&gt;.released-&lt;time&gt;, a line in order_ledger/audit.jsonl), keeps a damaged
record aside (&lt;record&gt;.corrupt-&lt;time&gt;) and rebuilds it from the summaries that list its
order, and backfills the orders the summaries list and the ledger lacks (create only, the
earliest packing counts). Conflicts and double counts are reported, never resolved. It never
changes the Shopify Tool's files. It then checks again and prints what remains.
</source>
            <translation>Проверява всеки файл с метаданни в общата папка спрямо схемата му и спрямо файловете,
към които сочи: Stats/global_stats.json, Workers/workers.json, packer_config.json и
packing_index.json на всеки клиент, а във всяка сесия (и в Archive/Sessions) session_info.json,
списъците за опаковане и за всеки списък packing_state.json, scan_journal.jsonl,
session_summary.json, .session.lock, прекъснато приключване и останали временни файлове.
После регистъра на поръчките на всеки клиент (Sessions/CLIENT_&lt;ID&gt;/order_ledger/): повредени
записи, заявки на станции, чието заключване на списъка липсва или е остаряло, записани
конфликти, поръчки, броени в две обобщения, и поръчки от обобщенията, които липсват в
регистъра. Всяка символна връзка или junction в общата папка се изброява с целта си
(грешка, когато води извън корена). Находките са грешки, предупреждения или бележки;
код 0, когато няма грешка, 1, когато остават грешки, 2 при грешни входни данни.

--repair поправя само безопасното, след като попита (--yes отговаря вместо вас в скриптове),
и пази оригинала на всеки променен файл до него (&lt;file&gt;.before-repair-&lt;time&gt;): довършва
прекъснати приключвания, премахва остарели заключвания, презаписва повреден packing_state.json
от журнала на сканиранията, преизгражда повреден или остарял packing_index.json, оставя
собствените заключени нормализатори на файловете за статистика и работници да ги поправят
(от тяхното копие .bak) и изтрива останалите временни файлове. В регистъра на поръчките
освобождава заявките на спрели станции (записът се пази като &lt;record&gt;.released-&lt;time&gt;, с ред в
order_ledger/audit.jsonl), отделя повреден запис настрана (&lt;record&gt;.corrupt-&lt;time&gt;) и го
преизгражда от обобщенията, които съдържат поръчката му, и добавя поръчките от обобщенията,
които липсват в регистъра (само нови записи; брои най-ранното опаковане). Конфликтите и
двойните броения се докладват, но никога не се разрешават. Файловете на Shopify Tool никога
не се променят. Накрая проверява отново и отпечатва какво остава.
</translation>
        </message>
        <message>
            <source>Copy the bundled demo share (clients, sessions, packing lists, statistics) into PATH, then print the command that opens the app on it.</source>
            <translation>Копира вградената демо обща папка (клиенти, сесии, списъци за опаковане, статистика) в ПЪТ, после отпечатва командата, която отваря приложението върху нея.</translation>
        </message>
        <message>
            <source>DAYS</source>
            <translation>ДНИ</translation>
        </message>
        <message>
            <source>Every packing list of every session, as the Session Browser shows it: status, worker, station, progress, last activity and the lock's holder.</source>
            <translation>Всеки списък за опаковане от всяка сесия, както го показва прозорецът „Сесии“: състояние, работник, станция, напредък, последна дейност и кой държи заключването.</translation>
        </message>
        <message>
            <source>FILE.zip</source>
            <translation>ФАЙЛ.zip</translation>
        </message>
        <message>
            <source>FOLDER</source>
            <translation>ПАПКА</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>ИМЕ</translation>
        </message>
        <message>
            <source>Orders flagged by value, tag, SKU or a random sample cannot be completed until a second worker checks them. Without options the client's rules are shown.</source>
            <translation>Поръчки, отбелязани по стойност, етикет, SKU или случайна извадка, не могат да бъдат завършени, докато втори работник не ги провери. Без опции се показват правилата на клиента.</translation>
        </message>
        <message>
            <source>PATH</source>
            <translation>ПЪТ</translation>
        </message>
        <message>
            <source>PERCENT</source>
            <translation>ПРОЦЕНТ</translation>
        </message>
        <message>
            <source>Packing station: scan orders, share statistics with the Shopify Tool. Without a subcommand the desktop app opens.</source>
            <translation>Опаковъчна станция: сканиране на поръчки, обща статистика с Shopify Tool. Без подкоманда се отваря настолното приложение.</translation>
        </message>
        <message>
            <source>Print Stats/global_stats.json as JSON, or one client's figures.</source>
            <translation>Отпечатва Stats/global_stats.json като JSON или числата на един клиент.</translation>
        </message>
        <message>
            <source>REASON</source>
            <translation>ПРИЧИНА</translation>
        </message>
        <message>
            <source>Retention policy: move every completed session dated more than DAYS days ago (folder name YYYY-MM-DD_N, else its lists' completed_at) to &lt;root&gt;/Archive/Sessions/CLIENT_&lt;ID&gt;/&lt;session&gt;/. A session is completed when a list was opened and every opened list is ended with all orders packed, nothing pending and no .session.lock. Statistics and worker profiles are not touched.</source>
            <translation>Правило за съхранение: премества всяка завършена сесия с дата отпреди повече от ДНИ дни (по името на папката ГГГГ-ММ-ДД_N, иначе по completed_at на списъците ѝ) в &lt;root&gt;/Archive/Sessions/CLIENT_&lt;ID&gt;/&lt;session&gt;/. Сесията е завършена, когато е отворен поне един списък и всеки отворен списък е приключен с всички поръчки опаковани, без чакащи и без .session.lock. Статистиката и профилите на работниците не се променят.</translation>
        </message>
        <message>
            <source>SECONDS</source>
            <translation>СЕКУНДИ</translation>
        </message>
        <message>
            <source>SUBCOMMAND</source>
            <translation>ПОДКОМАНДА</translation>
        </message>
        <message>
            <source>Save Stats/global_stats.json, Workers/workers.json, every barcode map and every session's metadata (session_info.json, the session index, the lists' work folders without their xlsx reports; archived sessions too) in one zip with a manifest of sha256 hashes. Restore it with `packing-tool restore`.</source>
            <translation>Записва Stats/global_stats.json, Workers/workers.json, всяка таблица с баркодове и метаданните на всяка сесия (session_info.json, индекса на сесиите, работните папки на списъците без xlsx отчетите им; и архивираните сесии) в един zip с манифест от sha256 хешове. Възстановява се с `packing-tool restore`.</translation>
        </message>
        <message>
            <source>Show who holds a list's lock; release it when it is stale (its heartbeat is old, or its program on this PC is gone). The old lock file is kept aside and the release is written to the list's lock_history.jsonl.</source>
            <translation>Показва кой държи заключването на списък; освобождава го, когато е остаряло (сигналът за живот е стар или програмата му на този компютър вече не работи). Старият файл на заключването се пази настрана, а освобождаването се записва в lock_history.jsonl на списъка.</translation>
        </message>
        <message>
            <source>TAG,…</source>
            <translation>ЕТИКЕТ,…</translation>
        </message>
        <message>
            <source>The pre-shift check of one packing list, as the Session Browser's 'Check list' does it. Exit 0: no problems; 1: problems found; 2: wrong arguments or a list that cannot be read.</source>
            <translation>Проверката преди смяна на един списък за опаковане, както я прави „Провери списъка“ в прозореца „Сесии“. Код 0: няма проблеми; 1: намерени са проблеми; 2: грешни аргументи или списък, който не може да се прочете.</translation>
        </message>
        <message>
            <source>Without a subcommand: print Stats/global_stats.json as JSON (as 'stats show').</source>
            <translation>Без подкоманда: отпечатва Stats/global_stats.json като JSON (като 'stats show').</translation>
        </message>
        <message>
            <source>Without a subcommand: the same as 'sessions list'.</source>
            <translation>Без подкоманда: същото като 'sessions list'.</translation>
        </message>
        <message>
            <source>Write the shared statistics to PATH. The format follows PATH's suffix: .xlsx gets the sheets Totals, Clients, Workers, Packing history and Analysis history; .csv gets one table (--table, default packing) in UTF-8 with a BOM. An existing file is kept unless --force.</source>
            <translation>Записва общата статистика в ПЪТ. Форматът следва разширението на ПЪТ: .xlsx получава листовете Totals, Clients, Workers, Packing history и Analysis history; .csv получава една таблица (--table, по подразбиране packing) в UTF-8 с BOM. Съществуващ файл се запазва без --force.</translation>
        </message>
        <message>
            <source>a JSON list of objects</source>
            <translation>JSON списък от обекти</translation>
        </message>
        <message>
            <source>a lock whose heartbeat is older is stale (default {seconds})</source>
            <translation>заключване с по-стар сигнал за живот е остаряло (по подразбиране {seconds})</translation>
        </message>
        <message>
            <source>also replace files that are newer on the share</source>
            <translation>заменя и файловете, които са по-нови в общата папка</translation>
        </message>
        <message>
            <source>also write a generated session with one list of N orders</source>
            <translation>записва и генерирана сесия с един списък от N поръчки</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>двусмислена опция: %(option)s може да е %(matches)s</translation>
        </message>
        <message>
            <source>archive sessions dated more than DAYS days ago</source>
            <translation>архивира сесиите с дата отпреди повече от ДНИ дни</translation>
        </message>
        <message>
            <source>archive sessions even when some of their lists were never opened</source>
            <translation>архивира сесиите, дори когато някои от списъците им никога не са отваряни</translation>
        </message>
        <message>
            <source>argument "-" with mode %r</source>
            <translation>аргумент "-" с режим %r</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>аргумент %(argument_name)s: %(message)s</translation>
        </message>
        <message>
            <source>base folder for CLIENT_&lt;ID&gt;/&lt;session&gt; (default: &lt;root&gt;/Archive/Sessions)</source>
            <translation>основна папка за CLIENT_&lt;ID&gt;/&lt;session&gt; (по подразбиране: &lt;root&gt;/Archive/Sessions)</translation>
        </message>
        <message>
            <source>bring older metadata files to the current format (originals kept)</source>
            <translation>привежда по-старите файлове с метаданни към текущия формат (оригиналите се пазят)</translation>
        </message>
        <message>
            <source>can't open '%(filename)s': %(error)s</source>
            <translation>не може да се отвори '%(filename)s': %(error)s</translation>
        </message>
        <message>
            <source>check a packing list before the shift (barcodes, clashes, orders elsewhere, quantities)</source>
            <translation>проверява списък за опаковане преди смяната (баркодове, конфликти, поръчки другаде, количества)</translation>
        </message>
        <message>
            <source>check every metadata file on the share (--repair fixes what is safe)</source>
            <translation>проверява всеки файл с метаданни в общата папка (--repair поправя безопасното)</translation>
        </message>
        <message>
            <source>client id without CLIENT_ (e.g. M)</source>
            <translation>ид. на клиента без CLIENT_ (напр. M)</translation>
        </message>
        <message>
            <source>create a demo share root to try the app on</source>
            <translation>създава демо обща папка, за да пробвате приложението</translation>
        </message>
        <message>
            <source>do not ask (for scripts)</source>
            <translation>без въпрос (за скриптове)</translation>
        </message>
        <message>
            <source>do not ask for confirmation</source>
            <translation>без въпрос за потвърждение</translation>
        </message>
        <message>
            <source>do not keep the findings in the list's list_check.json</source>
            <translation>не пази находките в list_check.json на списъка</translation>
        </message>
        <message>
            <source>drop the value rule</source>
            <translation>премахва правилото за стойност</translation>
        </message>
        <message>
            <source>end the list afterwards: summary, report, statistics, worker profile</source>
            <translation>после приключва списъка: обобщение, отчет, статистика, профил на работника</translation>
        </message>
        <message>
            <source>every list of every session (or of one client) with its live status</source>
            <translation>всеки списък от всяка сесия (или на един клиент) с текущото му състояние</translation>
        </message>
        <message>
            <source>expected %s argument</source>
            <translation>очаква се %s стойност</translation>
        </message>
        <message>
            <source>expected %s arguments</source>
            <translation>очакват се %s стойности</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>очаква се поне една стойност</translation>
        </message>
        <message>
            <source>expected at most one argument</source>
            <translation>очаква се най-много една стойност</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>очаква се една стойност</translation>
        </message>
        <message>
            <source>file to write (.xlsx or .csv)</source>
            <translation>файл за запис (.xlsx или .csv)</translation>
        </message>
        <message>
            <source>fix what is safe to fix (asks first), then check again</source>
            <translation>поправя безопасното (първо пита), после проверява отново</translation>
        </message>
        <message>
            <source>flag orders holding one of these SKUs</source>
            <translation>отбелязва поръчките, съдържащи един от тези SKU</translation>
        </message>
        <message>
            <source>flag orders with one of these tags (comma-separated; an empty value drops the rule)</source>
            <translation>отбелязва поръчките с един от тези етикети (разделени със запетая; празна стойност премахва правилото)</translation>
        </message>
        <message>
            <source>flag orders worth this much or more (lists with prices only)</source>
            <translation>отбелязва поръчките на тази стойност или повече (само списъци с цени)</translation>
        </message>
        <message>
            <source>flag this share of the orders at random (0 to 100)</source>
            <translation>отбелязва случайно този дял от поръчките (от 0 до 100)</translation>
        </message>
        <message>
            <source>folder to create (must be new or empty)</source>
            <translation>папка за създаване (трябва да е нова или празна)</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>пренебрегната изрична стойност %r</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>невалидна стойност за %(type)s: %(value)r</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>невалиден избор: %(value)r (изберете от %(choices)s)</translation>
        </message>
        <message>
            <source>list every packing list with its status; release a stale lock</source>
            <translation>изброява всеки списък за опаковане със състоянието му; освобождава остаряло заключване</translation>
        </message>
        <message>
            <source>move completed sessions older than N days to the archive</source>
            <translation>премества завършените сесии, по-стари от N дни, в архива</translation>
        </message>
        <message>
            <source>no second checks for this client</source>
            <translation>без втори проверки за този клиент</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>не е позволен заедно с аргумента %s</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>задължителен е един от аргументите %s</translation>
        </message>
        <message>
            <source>only report the differences (exit 0)</source>
            <translation>само докладва разликите (код 0)</translation>
        </message>
        <message>
            <source>only report what would be done</source>
            <translation>само докладва какво би се направило</translation>
        </message>
        <message>
            <source>only report what would move</source>
            <translation>само докладва какво би се преместило</translation>
        </message>
        <message>
            <source>only report; exit 1 when anything differs (for monitoring)</source>
            <translation>само докладва; код 1, когато нещо се различава (за наблюдение)</translation>
        </message>
        <message>
            <source>only say what would be upgraded; change nothing</source>
            <translation>само казва какво би се обновило; не променя нищо</translation>
        </message>
        <message>
            <source>only these statuses: {statuses}</source>
            <translation>само тези състояния: {statuses}</translation>
        </message>
        <message>
            <source>only this client (e.g. M)</source>
            <translation>само този клиент (напр. M)</translation>
        </message>
        <message>
            <source>only this client (id without CLIENT_)</source>
            <translation>само този клиент (ид. без CLIENT_)</translation>
        </message>
        <message>
            <source>options</source>
            <translation>опции</translation>
        </message>
        <message>
            <source>overwrite an existing file</source>
            <translation>презаписва съществуващ файл</translation>
        </message>
        <message>
            <source>overwrite an existing output file</source>
            <translation>презаписва съществуващ изходен файл</translation>
        </message>
        <message>
            <source>pack a list headlessly, as a packer would (for tests and benchmarks)</source>
            <translation>опакова списък без прозорец, както би го направил опаковчик (за тестове и измервания)</translation>
        </message>
        <message>
            <source>packing list name (e.g. DHL_Orders), or full_session</source>
            <translation>име на списъка за опаковане (напр. DHL_Orders) или full_session</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>позиционни аргументи</translation>
        </message>
        <message>
            <source>print the global statistics as JSON</source>
            <translation>отпечатва общата статистика като JSON</translation>
        </message>
        <message>
            <source>print the result as one JSON object (for scripts)</source>
            <translation>отпечатва резултата като един JSON обект (за скриптове)</translation>
        </message>
        <message>
            <source>recompute the packing figures of the shared statistics from the session summaries</source>
            <translation>преизчислява числата за опаковане в общата статистика от обобщенията на сесиите</translation>
        </message>
        <message>
            <source>release even a live lock: its station stops writing (still asks)</source>
            <translation>освобождава дори активно заключване: станцията му спира да записва (пак пита)</translation>
        </message>
        <message>
            <source>release the lock of a list whose station stopped (asks first)</source>
            <translation>освобождава заключването на списък, чиято станция е спряла (първо пита)</translation>
        </message>
        <message>
            <source>repair without asking (for scripts)</source>
            <translation>поправя без въпрос (за скриптове)</translation>
        </message>
        <message>
            <source>restore a backup made by `packing-tool backup`</source>
            <translation>възстановява резервно копие, направено с `packing-tool backup`</translation>
        </message>
        <message>
            <source>save statistics, workers, barcode maps and session metadata in a zip</source>
            <translation>записва статистиката, работниците, таблиците с баркодове и метаданните на сесиите в zip</translation>
        </message>
        <message>
            <source>session folder (e.g. 2026-11-21_1)</source>
            <translation>папка на сесията (напр. 2026-11-21_1)</translation>
        </message>
        <message>
            <source>share root (default: $PACKING_TOOL_ROOT, $FULFILLMENT_SERVER_PATH, the configured server, else a local demo folder)</source>
            <translation>корен на общата папка (по подразбиране: $PACKING_TOOL_ROOT, $FULFILLMENT_SERVER_PATH, настроеният сървър, иначе локална демонстрационна папка)</translation>
        </message>
        <message>
            <source>show only this client's figures (its id without CLIENT_, e.g. M)</source>
            <translation>показва само числата на този клиент (ид. без CLIENT_, напр. M)</translation>
        </message>
        <message>
            <source>show or set which orders of a client need a second check</source>
            <translation>показва или задава кои поръчки на клиент изискват втора проверка</translation>
        </message>
        <message>
            <source>show program's version number and exit</source>
            <translation>показва версията на програмата и излиза</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>показва тази помощ и излиза</translation>
        </message>
        <message>
            <source>show, export or rebuild the shared statistics</source>
            <translation>показва, изнася или преизчислява общата статистика</translation>
        </message>
        <message>
            <source>subcommands</source>
            <translation>подкоманди</translation>
        </message>
        <message>
            <source>take over the list's lock if it is stale (its station stopped)</source>
            <translation>поема заключването на списъка, ако е остаряло (станцията му е спряла)</translation>
        </message>
        <message>
            <source>the backup zip</source>
            <translation>zip архивът с резервното копие</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>следните аргументи са задължителни: %s</translation>
        </message>
        <message>
            <source>the station name in the lock, the summary and session_info.json (default: the name in Settings, else this PC's name; $PACKING_TOOL_STATION, when set, wins over all)</source>
            <translation>името на станцията в заключването, обобщението и session_info.json (по подразбиране: името в Настройки, иначе името на този компютър; $PACKING_TOOL_STATION, когато е зададена, има предимство пред всичко)</translation>
        </message>
        <message>
            <source>the table a .csv export holds (default: packing)</source>
            <translation>таблицата в .csv износа (по подразбиране: packing)</translation>
        </message>
        <message>
            <source>unexpected option string: %s</source>
            <translation>неочаквана опция: %s</translation>
        </message>
        <message>
            <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
            <translation>непозната команда %(parser_name)r (възможни: %(choices)s)</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>непознати аргументи: %s</translation>
        </message>
        <message>
            <source>upgrade without asking</source>
            <translation>обновява без въпрос</translation>
        </message>
        <message>
            <source>usage: </source>
            <translation>употреба: </translation>
        </message>
        <message>
            <source>use a folder that is not empty: only missing demo files are added</source>
            <translation>използва папка, която не е празна: добавят се само липсващите демонстрационни файлове</translation>
        </message>
        <message>
            <source>where to write the zip (default: packing-tool-backup-&lt;YYYYmmdd-HHMMSS&gt;.zip in the current folder)</source>
            <translation>къде да се запише zip файлът (по подразбиране: packing-tool-backup-&lt;YYYYmmdd-HHMMSS&gt;.zip в текущата папка)</translation>
        </message>
        <message>
            <source>why, for lock_history.jsonl</source>
            <translation>защо, за lock_history.jsonl</translation>
        </message>
        <message>
            <source>worker display name (created if missing)</source>
            <translation>показвано име на работника (създава се, ако липсва)</translation>
        </message>
        <message>
            <source>write the statistics to an .xlsx workbook or a .csv table</source>
            <translation>записва статистиката в .xlsx работна книга или .csv таблица</translation>
        </message>
        <message>
            <source>write without asking</source>
            <translation>записва без въпрос</translation>
        </message>
        <message>
            <source>; its program no longer runs</source>
            <translation>; програмата ѝ вече не работи</translation>
        </message>
        <message>
            <source>An unfinished change of the shared files must be completed first: {detail}</source>
            <translation>Първо трябва да се довърши незавършена промяна на общите файлове: {detail}</translation>
        </message>
        <message>
            <source>Another worker already has this name</source>
            <translation>Друг работник вече има това име</translation>
        </message>
        <message>
            <source>Something went wrong: {detail}</source>
            <translation>Нещо се обърка: {detail}</translation>
        </message>
        <message>
            <source>Something went wrong; the log has the details</source>
            <translation>Нещо се обърка; подробностите са в дневника</translation>
        </message>
        <message>
            <source>The share did not answer in time</source>
            <translation>Общата папка не отговори навреме</translation>
        </message>
        <message>
            <source>The statistics could not be read or recorded: {detail}</source>
            <translation>Статистиката не можа да бъде прочетена или записана: {detail}</translation>
        </message>
        <message>
            <source>The statistics file is locked by another program</source>
            <translation>Файлът със статистиката е заключен от друга програма</translation>
        </message>
        <message>
            <source>The workers list could not be read or changed: {detail}</source>
            <translation>Списъкът с работници не можа да бъде прочетен или променен: {detail}</translation>
        </message>
        <message>
            <source>This worker is not in the workers list</source>
            <translation>Този работник не е в списъка с работници</translation>
        </message>
        <message>
            <source>a barcode mapping needs a barcode and a SKU</source>
            <translation>за връзка на баркод трябват баркод и артикул (SKU)</translation>
        </message>
        <message>
            <source>another station took this list over; scans from now on were not written to the share</source>
            <translation>друга станция пое този списък; сканиранията оттук нататък не са записани в общата папка</translation>
        </message>
        <message>
            <source>check the client's folders</source>
            <translation>проверка на папките на клиента</translation>
        </message>
        <message>
            <source>client id {client} is not {pattern}</source>
            <translation>кодът на клиента {client} не отговаря на {pattern}</translation>
        </message>
        <message>
            <source>counts as held until stale</source>
            <translation>се смята за зает, докато не замре</translation>
        </message>
        <message>
            <source>end the list</source>
            <translation>приключване на списъка</translation>
        </message>
        <message>
            <source>ending {list} did not finish: {cause}; it will finish when the list is opened again (plan kept in {file})</source>
            <translation>приключването на {list} не завърши: {cause}; ще завърши, когато списъкът се отвори отново (планът е запазен в {file})</translation>
        </message>
        <message>
            <source>ending {list} did not finish; it will finish when the list is opened again (plan kept in {file})</source>
            <translation>приключването на {list} не завърши; ще завърши, когато списъкът се отвори отново (планът е запазен в {file})</translation>
        </message>
        <message>
            <source>find the list</source>
            <translation>търсене на списъка</translation>
        </message>
        <message>
            <source>full-session mode of this session already has scans ({file}); its lists cannot be packed as well</source>
            <translation>режимът „цяла сесия“ на тази сесия вече има сканирания ({file}); списъците ѝ не могат да се пакетират едновременно с него</translation>
        </message>
        <message>
            <source>has more than {limit} cells; lists that big are refused (split the list)</source>
            <translation>има повече от {limit} клетки; толкова големи списъци се отказват (раздели списъка)</translation>
        </message>
        <message>
            <source>has more than {limit} rows; refused</source>
            <translation>има повече от {limit} реда; отказан</translation>
        </message>
        <message>
            <source>has no 'orders' list</source>
            <translation>няма списък 'orders'</translation>
        </message>
        <message>
            <source>has no column {column} (for {field}); headers: {headers}</source>
            <translation>няма колона {column} (за {field}); заглавия: {headers}</translation>
        </message>
        <message>
            <source>has no header row</source>
            <translation>няма ред със заглавия</translation>
        </message>
        <message>
            <source>has no worksheet</source>
            <translation>няма работен лист</translation>
        </message>
        <message>
            <source>has no {columns} column; headers: {headers}</source>
            <translation>няма колона {columns}; заглавия: {headers}</translation>
        </message>
        <message>
            <source>has {rows} rows; more than {limit} are refused</source>
            <translation>има {rows} реда; повече от {limit} се отказват</translation>
        </message>
        <message>
            <source>heartbeat unreadable</source>
            <translation>сигналът не се чете</translation>
        </message>
        <message>
            <source>heartbeat {seconds} s ago</source>
            <translation>последен сигнал преди {seconds} с</translation>
        </message>
        <message>
            <source>holds an XML document type declaration (DTD), which no workbook has; refused</source>
            <translation>съдържа декларация на тип XML документ (DTD), каквато никоя работна книга няма; отказан</translation>
        </message>
        <message>
            <source>holds more than {limit} XML elements; refused</source>
            <translation>съдържа повече от {limit} XML елемента; отказан</translation>
        </message>
        <message>
            <source>holds {count} files; a workbook has a few dozen; refused</source>
            <translation>съдържа {count} файла, а работната книга има няколко десетки; отказан</translation>
        </message>
        <message>
            <source>is JSON nested too deeply to read; refused</source>
            <translation>е JSON с твърде дълбоко влагане за четене; отказан</translation>
        </message>
        <message>
            <source>is not a valid .xlsx file ({detail})</source>
            <translation>не е валиден .xlsx файл ({detail})</translation>
        </message>
        <message>
            <source>is not valid JSON ({detail})</source>
            <translation>не е валиден JSON ({detail})</translation>
        </message>
        <message>
            <source>is stale and can be taken over</source>
            <translation>е замряло и може да бъде поето</translation>
        </message>
        <message>
            <source>is {size} MB; files over {limit} MB are refused</source>
            <translation>е {size} MB; файлове над {limit} MB се отказват</translation>
        </message>
        <message>
            <source>it is now held by {holder}</source>
            <translation>сега е заето от {holder}</translation>
        </message>
        <message>
            <source>it is the record of order {order}</source>
            <translation>това е записът на поръчка {order}</translation>
        </message>
        <message>
            <source>its part {part} unpacks to {size} MB from {packed} bytes ({times} times; more than {limit} is not a real workbook); refused</source>
            <translation>частта му {part} се разархивира до {size} MB от {packed} байта ({times} пъти; повече от {limit} не е истинска работна книга); отказан</translation>
        </message>
        <message>
            <source>list the session's work folders</source>
            <translation>изброяване на работните папки на сесията</translation>
        </message>
        <message>
            <source>list {list} of this session already has scans ({file}); full-session mode cannot be packed as well</source>
            <translation>списък {list} на тази сесия вече има сканирания ({file}); режимът „цяла сесия“ не може да се пакетира едновременно с него</translation>
        </message>
        <message>
            <source>name</source>
            <translation>име</translation>
        </message>
        <message>
            <source>no suffix: only .json and .xlsx lists are read</source>
            <translation>няма разширение: четат се само списъци .json и .xlsx</translation>
        </message>
        <message>
            <source>not a JSON object (top level is {kind})</source>
            <translation>не е JSON обект (горното ниво е {kind})</translation>
        </message>
        <message>
            <source>open the list</source>
            <translation>отваряне на списъка</translation>
        </message>
        <message>
            <source>packing list</source>
            <translation>списък за пакетиране</translation>
        </message>
        <message>
            <source>pickles are never loaded (they can run code); use the packing list's .json or .xlsx</source>
            <translation>файлове pickle никога не се зареждат (могат да изпълнят код); използвай .json или .xlsx на списъка за пакетиране</translation>
        </message>
        <message>
            <source>read worker profiles</source>
            <translation>четене на профилите на работниците</translation>
        </message>
        <message>
            <source>release the list's lock</source>
            <translation>освобождаване на заключването на списъка</translation>
        </message>
        <message>
            <source>session</source>
            <translation>сесия</translation>
        </message>
        <message>
            <source>session {session} not found: {folder}</source>
            <translation>сесия {session} не е намерена: {folder}</translation>
        </message>
        <message>
            <source>station {station} (PC {pc}), worker {worker}, since {since}</source>
            <translation>станция {station} (компютър {pc}), работник {worker}, от {since}</translation>
        </message>
        <message>
            <source>station {station}, worker {worker}, since {since}</source>
            <translation>станция {station}, работник {worker}, от {since}</translation>
        </message>
        <message>
            <source>take over the list's lock</source>
            <translation>поемане на заключването на списъка</translation>
        </message>
        <message>
            <source>take the list's lock</source>
            <translation>заключване на списъка</translation>
        </message>
        <message>
            <source>the lock file is gone</source>
            <translation>файлът на заключването липсва</translation>
        </message>
        <message>
            <source>the name {name} is already used by {worker}</source>
            <translation>името {name} вече е заето от {worker}</translation>
        </message>
        <message>
            <source>the name {name} is already used by {worker} (deactivated)</source>
            <translation>името {name} вече е заето от {worker} (деактивиран)</translation>
        </message>
        <message>
            <source>the share's journal holds scans from another station</source>
            <translation>журналът в общата папка съдържа сканирания от друга станция</translation>
        </message>
        <message>
            <source>top level is a {kind}, not an object</source>
            <translation>горното ниво е {kind}, а не обект</translation>
        </message>
        <message>
            <source>unpacks to {size} MB; more than {limit} MB are refused</source>
            <translation>се разархивира до {size} MB; повече от {limit} MB се отказват</translation>
        </message>
        <message>
            <source>update session_info.json</source>
            <translation>обновяване на session_info.json</translation>
        </message>
        <message>
            <source>update the session index</source>
            <translation>обновяване на индекса на сесиите</translation>
        </message>
        <message>
            <source>write the list's progress</source>
            <translation>записване на напредъка на списъка</translation>
        </message>
        <message>
            <source>write the report</source>
            <translation>записване на отчета</translation>
        </message>
        <message>
            <source>{file} cannot be read, and nothing good could be recovered from it</source>
            <translation>{file} не може да бъде прочетен и от него не можа да се възстанови нищо годно</translation>
        </message>
        <message>
            <source>{file} is damaged and nothing was written. Run `packing-tool verify`, then `packing-tool verify --repair` (or put a good copy of the file back), and try again</source>
            <translation>{file} е повреден и нищо не е записано. Пусни `packing-tool verify`, после `packing-tool verify --repair` (или върни добро копие на файла) и опитай отново</translation>
        </message>
        <message>
            <source>{file} is locked by another program (waited {seconds} s)</source>
            <translation>{file} е заключен от друга програма (чакане {seconds} с)</translation>
        </message>
        <message>
            <source>{file} is not inside the share root {root}: refused</source>
            <translation>{file} не е в общата папка {root}: отказано</translation>
        </message>
        <message>
            <source>{file} keeps appearing and vanishing; try again</source>
            <translation>{file} ту се появява, ту изчезва; опитай отново</translation>
        </message>
        <message>
            <source>{file} was not found</source>
            <translation>{file} не е намерен</translation>
        </message>
        <message>
            <source>{file}: '{key}' is a {kind}, not a map; fix or remove it by hand</source>
            <translation>{file}: '{key}' е {kind}, а не таблица; поправи го или го премахни ръчно</translation>
        </message>
        <message>
            <source>{file}: damaged order ledger record ({reason}); run packing-tool verify --repair</source>
            <translation>{file}: повреден запис в регистъра на поръчките ({reason}); пусни packing-tool verify --repair</translation>
        </message>
        <message>
            <source>{file}: damaged, and {problem}</source>
            <translation>{file}: повреден, а освен това {problem}</translation>
        </message>
        <message>
            <source>{file}: line {line} cannot be read ({detail})</source>
            <translation>{file}: ред {line} не може да бъде прочетен ({detail})</translation>
        </message>
        <message>
            <source>{file}: line {line} has event {seq}, expected {expected}</source>
            <translation>{file}: ред {line} съдържа събитие {seq}, очаквано е {expected}</translation>
        </message>
        <message>
            <source>{file}: more than {limit} rows; refused</source>
            <translation>{file}: повече от {limit} реда; отказан</translation>
        </message>
        <message>
            <source>{file}: not a JSON object</source>
            <translation>{file}: не е JSON обект</translation>
        </message>
        <message>
            <source>{file}: stock file over {limit} MB; refused</source>
            <translation>{file}: складовият файл е над {limit} MB; отказан</translation>
        </message>
        <message>
            <source>{file}: the summary of this ending is missing</source>
            <translation>{file}: обобщението на това приключване липсва</translation>
        </message>
        <message>
            <source>{file}: this station may not use it (access refused)</source>
            <translation>{file}: тази станция няма право да го използва (достъпът е отказан)</translation>
        </message>
        <message>
            <source>{file}: {reason}</source>
            <translation>{file}: {reason}</translation>
        </message>
        <message>
            <source>{folder} cannot be reached</source>
            <translation>{folder} е недостъпна</translation>
        </message>
        <message>
            <source>{folder} is missing</source>
            <translation>{folder} липсва</translation>
        </message>
        <message>
            <source>{folder}: lists {names} differ only in case; on a Windows share they are one name, so neither is opened: rename one</source>
            <translation>{folder}: списъците {names} се различават само по малки и главни букви; в обща папка на Windows това е едно име, затова не се отваря нито един: преименувай единия</translation>
        </message>
        <message>
            <source>{folder}: no list named {name}</source>
            <translation>{folder}: няма списък с име {name}</translation>
        </message>
        <message>
            <source>{held} ({note})</source>
            <translation>{held} ({note})</translation>
        </message>
        <message>
            <source>{link} is a link to {where}, outside the share root {root}: the program never writes or copies through links on the share; nothing was written to {file}</source>
            <translation>{link} е връзка към {where}, извън общата папка {root}: програмата никога не записва и не копира през връзки в общата папка; нищо не е записано в {file}</translation>
        </message>
        <message>
            <source>{link} is a link to {where}: the program never writes or copies through links on the share; nothing was written to {file}</source>
            <translation>{link} е връзка към {where}: програмата никога не записва и не копира през връзки в общата папка; нищо не е записано в {file}</translation>
        </message>
        <message>
            <source>{list} is being packed by {holder} ({beat})</source>
            <translation>{list} се пакетира от {holder} ({beat})</translation>
        </message>
        <message>
            <source>{list} was being packed by {holder} ({beat}{gone}); the lock is stale and can be taken over</source>
            <translation>{list} се пакетираше от {holder} ({beat}{gone}); заключването е замряло и може да бъде поето</translation>
        </message>
        <message>
            <source>{list}: no lock ({file} does not exist)</source>
            <translation>{list}: няма заключване ({file} не съществува)</translation>
        </message>
        <message>
            <source>{list}: the lock file {file} is not a valid lock (written {seconds} s ago); it {state}</source>
            <translation>{list}: файлът на заключването {file} не е валидно заключване (записан преди {seconds} с); то {state}</translation>
        </message>
        <message>
            <source>{list}: this station no longer holds the lock; {now_held}</source>
            <translation>{list}: тази станция вече не държи заключването; {now_held}</translation>
        </message>
        <message>
            <source>{n} order ledger updates are not on the share yet; the list cannot be ended until they are</source>
            <translation>обновявания на регистъра на поръчките, които още не са в общата папка: {n}; списъкът не може да бъде приключен, докато не стигнат там</translation>
        </message>
        <message>
            <source>{n} scans are not on the share yet ({why}); the list cannot be ended until they are</source>
            <translation>сканирания, които още не са в общата папка: {n} ({why}); списъкът не може да бъде приключен, докато не стигнат там</translation>
        </message>
        <message>
            <source>{path} is {reason}. It was left as it is.</source>
            <translation>{path}: {reason}. Оставен е както е.</translation>
        </message>
        <message>
            <source>{path} is {reason}. It was left as it is. {side} holds the last content the tools wrote; compare the two and copy the good one back.</source>
            <translation>{path}: {reason}. Оставен е както е. {side} съдържа последното, което програмите са записали; сравни двата файла и върни добрия.</translation>
        </message>
        <message>
            <source>{path}: {exc}</source>
            <translation>{path}: {exc}</translation>
        </message>
        <message>
            <source>{suffix}: only .json and .xlsx lists are read</source>
            <translation>{suffix}: четат се само списъци .json и .xlsx</translation>
        </message>
        <message>
            <source>{what} {name} ends in a dot or a space, which a Windows share cannot hold</source>
            <translation>{what} {name} завършва с точка или интервал, което обща папка на Windows не допуска</translation>
        </message>
        <message>
            <source>{what} {name} is a Windows device name ({device}), which a share cannot hold</source>
            <translation>{what} {name} е име на устройство в Windows ({device}), което обща папка не допуска</translation>
        </message>
        <message>
            <source>{what} {name} is not a plain file name</source>
            <translation>{what} {name} не е обикновено име на файл</translation>
        </message>
        <message>
            <source>{what}: the share did not answer within {seconds} s</source>
            <translation>{what}: общата папка не отговори в рамките на {seconds} с</translation>
        </message>
        <message>
            <source>summary of {folder}: {problems}</source>
            <translation>обобщението на {folder}: {problems}</translation>
        </message>
        <message>
            <source>{name} is {value}, which is not a valid value</source>
            <translation>{name} е {value}, което не е допустима стойност</translation>
        </message>
        <message>
            <source> and {n} more</source>
            <translation> и още {n}</translation>
        </message>
        <message>
            <source>--status {given} is not one of {statuses}</source>
            <translation>--status {given} не е нито едно от: {statuses}</translation>
        </message>
        <message>
            <source>1 order listed here is</source>
            <translation>1 поръчка от изброените тук липсва</translation>
        </message>
        <message>
            <source>`verify --repair` keeps it aside and rebuilds it from the summaries</source>
            <translation>`verify --repair` го отделя настрани и го възстановява от обобщенията</translation>
        </message>
        <message>
            <source>a device or other special file</source>
            <translation>устройство или друг специален файл</translation>
        </message>
        <message>
            <source>a folder</source>
            <translation>папка</translation>
        </message>
        <message>
            <source>a link</source>
            <translation>връзка</translation>
        </message>
        <message>
            <source>another list</source>
            <translation>друг списък</translation>
        </message>
        <message>
            <source>changed on the share since the check</source>
            <translation>променен в общата папка след проверката</translation>
        </message>
        <message>
            <source>claim of order {order} by list {list} of session {session} at station {station}, dead since {since}</source>
            <translation>резервация на поръчка {order} от списък {list} от сесия {session} на станция {station}, спряла от {since}</translation>
        </message>
        <message>
            <source>client_id {found} is not this client's ({client})</source>
            <translation>client_id {found} не е на този клиент ({client})</translation>
        </message>
        <message>
            <source>forced: {reason}</source>
            <translation>принудително: {reason}</translation>
        </message>
        <message>
            <source>it does not say where the order was packed</source>
            <translation>не е посочено къде е пакетирана поръчката</translation>
        </message>
        <message>
            <source>it holds order {order}, whose record is {path}</source>
            <translation>съдържа поръчка {order}, чийто запис е {path}</translation>
        </message>
        <message>
            <source>its list lock went away (claimed {at})</source>
            <translation>заключването на списъка му е изчезнало (резервирана {at})</translation>
        </message>
        <message>
            <source>key {key} is not the key of order {order} ({expected})</source>
            <translation>ключът {key} не е ключът на поръчка {order} ({expected})</translation>
        </message>
        <message>
            <source>list {list} of session {session}</source>
            <translation>списък {list} от сесия {session}</translation>
        </message>
        <message>
            <source>list {list} of session {session} at station {station}</source>
            <translation>списък {list} от сесия {session} на станция {station}</translation>
        </message>
        <message>
            <source>lists their session does not have</source>
            <translation>списъци, които сесията им няма</translation>
        </message>
        <message>
            <source>no date in its name and no completed_at</source>
            <translation>няма дата в името и няма completed_at</translation>
        </message>
        <message>
            <source>no summary lists its order: `verify --repair` keeps it aside and nothing can rebuild it</source>
            <translation>нито едно обобщение не съдържа поръчката му: `verify --repair` го отделя настрани и нищо не може да го възстанови</translation>
        </message>
        <message>
            <source>not a JSON object</source>
            <translation>не е JSON обект</translation>
        </message>
        <message>
            <source>order {order} is counted here and also in {path}: the same physical order counted twice (the statistics count it twice; nothing is changed automatically)</source>
            <translation>поръчка {order} е отчетена тук и също в {path}: една и съща физическа поръчка е отчетена два пъти (статистиката я брои два пъти; нищо не се променя автоматично)</translation>
        </message>
        <message>
            <source>re-pack claim of order {order} by list {list} of session {session} at station {station}, dead since {since}</source>
            <translation>резервация за повторно пакетиране на поръчка {order} от списък {list} от сесия {session} на станция {station}, спряла от {since}</translation>
        </message>
        <message>
            <source>removed from the share since the check</source>
            <translation>премахнат от общата папка след проверката</translation>
        </message>
        <message>
            <source>sessions that no longer exist</source>
            <translation>сесии, които вече не съществуват</translation>
        </message>
        <message>
            <source>the archive's copy changed since it was checked</source>
            <translation>копието в архива се е променило след проверката</translation>
        </message>
        <message>
            <source>the archive's copy is larger than {limit:,} bytes</source>
            <translation>копието в архива е по-голямо от {limit:,} байта</translation>
        </message>
        <message>
            <source>the file became unreadable; left as it is</source>
            <translation>файлът вече не се чете; оставен е както е</translation>
        </message>
        <message>
            <source>unknown version {version}; left as it is</source>
            <translation>непозната версия {version}; оставен е както е</translation>
        </message>
        <message>
            <source>updated on the share since the check</source>
            <translation>обновен в общата папка след проверката</translation>
        </message>
        <message>
            <source>{at} (the last heartbeat of its list lock)</source>
            <translation>{at} (последният сигнал на заключването на списъка му)</translation>
        </message>
        <message>
            <source>{n} orders listed here are</source>
            <translation>{n} поръчки от изброените тук липсват</translation>
        </message>
        <message>
            <source>{path} is not a file a Packing Tool backup holds</source>
            <translation>{path} не е файл, който резервно копие на Packing Tool съдържа</translation>
        </message>
        <message>
            <source>{version} (profiles of an older version)</source>
            <translation>{version} (профили от по-стара версия)</translation>
        </message>
        <message>
            <source>; {raced} were created meanwhile by stations</source>
            <translation>; още {raced} са създадени междувременно от станциите</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>списък</translation>
        </message>
        <message>
            <source>a list of strings</source>
            <translation>списък от текстове</translation>
        </message>
        <message>
            <source>a non-empty string</source>
            <translation>непразен текст</translation>
        </message>
        <message>
            <source>a number &gt;= 0</source>
            <translation>число &gt;= 0</translation>
        </message>
        <message>
            <source>a string</source>
            <translation>текст</translation>
        </message>
        <message>
            <source>a whole number &gt;= 0</source>
            <translation>цяло число &gt;= 0</translation>
        </message>
        <message>
            <source>an ISO 8601 timestamp</source>
            <translation>време във формат ISO 8601</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>обект</translation>
        </message>
        <message>
            <source>no name</source>
            <translation>без име</translation>
        </message>
        <message>
            <source>not written</source>
            <translation>не е записан</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true или false</translation>
        </message>
        <message>
            <source>{value} or more</source>
            <translation>{value} или повече</translation>
        </message>
    </context>
    <context>
        <name>language</name>
        <message>
            <source>The PC's language</source>
            <translation>Езикът на компютъра</translation>
        </message>
    </context>
</TS>
