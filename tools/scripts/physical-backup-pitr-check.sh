#!/usr/bin/env bash
# Physical backup and point-in-time recovery, proved once by hand (docs/OPERATIONS.md, "What was tested"); not part
# of `npm test`: it needs mariabackup (Debian package mariadb-backup), read access to the server's datadir (root),
# and it starts a second mariadbd. Run from the repository root after `npx nx run @healthcode/api:build`:
#   sudo bash tools/scripts/physical-backup-pitr-check.sh
# 1. seeds a scratch database on the running server (migrate, seed-demo, seed-bulk) and records CHECKSUM TABLE of it;
# 2. mariabackup --backup / --prepare of the running server, then a second server started on that copy
#    (port 3317, binary log on): same checksums, audit:verify intact;
# 3. on the second server: a logical dump with --master-data=2, more writes (25 residents moved), a bad statement
#    (DELETE FROM resident_codes), then PITR: the dump restored into a new database and the binlog replayed from the
#    dump's coordinates to just before the bad statement (--rewrite-db): checksums equal those taken just before it,
#    audit:verify intact. Everything it made is removed at the end (its own mariadbd is stopped by pid).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/apps/api/dist/apps/api/src
TAG=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB=hc_phys_$TAG
WORK=$(mktemp -d /tmp/hc-phys-XXXXXX)
PORT=3317
B="mariadb -h127.0.0.1 -P$PORT -uroot"
A="mariadb -h127.0.0.1 -P3306 -uroot"
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  $A -e "DROP DATABASE IF EXISTS $DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { echo "[physical-check] $(date -u +%T) $*"; }
cli() { # cli <port> <database> <command> [args]
  local port=$1 db=$2 cmd=$3; shift 3
  HC_MODE=demo DATABASE_URL="mysql://root@127.0.0.1:$port/$db" DEV_KEYS_FILE="$WORK/keys.json" \
    APPEAL_EVIDENCE_DIR="$WORK/evidence" QUEUE_PREFIX="{hcphys$TAG}" LOG_LEVEL=warn \
    node "$DIST/cli/$cmd.js" "$@"
}
sums() { # sums <mysql command> <database>: "table rows checksum" per table
  local cmd=$1 db=$2
  for t in $($cmd -N -e "SELECT table_name FROM information_schema.tables WHERE table_schema='$db' AND table_type='BASE TABLE' ORDER BY 1"); do
    echo "$t $($cmd -N -e "SELECT COUNT(*) FROM \`$db\`.\`$t\`") $($cmd -N -e "CHECKSUM TABLE \`$db\`.\`$t\` EXTENDED" | awk '{print $2}')"
  done
}

$A -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
cli 3306 "$DB" migrate >/dev/null
cli 3306 "$DB" seed-demo >/dev/null
cli 3306 "$DB" seed-bulk --residents 200 >/dev/null
sums "$A" "$DB" >"$WORK/source.sums"
say "seeded $DB: $(wc -l <"$WORK/source.sums") tables, $(awk '{s+=$2} END {print s}' "$WORK/source.sums") rows"

mariabackup --backup --target-dir="$WORK/full" --user=root --host=127.0.0.1 --port=3306 >"$WORK/backup.log" 2>&1
mariabackup --prepare --target-dir="$WORK/full" >"$WORK/prepare.log" 2>&1
say "mariabackup --backup and --prepare: $(du -sh "$WORK/full" | cut -f1); $(cat "$WORK/full/xtrabackup_binlog_info" 2>/dev/null || echo 'no binlog info (source server has log_bin off)')"

mariadbd --no-defaults --user=root --datadir="$WORK/full" --port=$PORT --bind-address=127.0.0.1 \
  --socket="$WORK/b.sock" --pid-file="$WORK/b.pid" --log-bin="$WORK/full/binlog" --server-id=2 \
  --binlog-format=ROW --innodb-buffer-pool-size=64M --skip-log-error >"$WORK/b.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do $B -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
sums "$B" "$DB" >"$WORK/restored.sums"
diff "$WORK/source.sums" "$WORK/restored.sums" && say "physical restore: every table's rows and CHECKSUM TABLE equal"
cli $PORT "$DB" audit-verify

# Point-in-time recovery on the second server (binary log on).
mariadb-dump -h127.0.0.1 -P$PORT -uroot --single-transaction --quick --routines --triggers --hex-blob \
  --master-data=2 "$DB" >"$WORK/base.sql"
read -r FILE POS < <(sed -n "s/^-- CHANGE MASTER TO MASTER_LOG_FILE='\([^']*\)', MASTER_LOG_POS=\([0-9]*\);.*/\1 \2/p" "$WORK/base.sql" | head -1)
say "logical dump at $FILE:$POS"
$B -e "UPDATE \`$DB\`.residents SET current_region = '330106', updated_at = NOW(3) ORDER BY id LIMIT 25"
sums "$B" "$DB" >"$WORK/before-bad.sums"
read -r BADFILE BADPOS < <($B -N -e 'SHOW MASTER STATUS' | awk '{print $1, $2}')
$B -e "DELETE FROM \`$DB\`.resident_codes"
say "good writes after the dump (25 residents moved), then the bad statement at $BADFILE:$BADPOS (DELETE FROM resident_codes)"

$B -e "CREATE DATABASE ${DB}_pitr CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
$B -D "${DB}_pitr" <"$WORK/base.sql"
[ "$FILE" = "$BADFILE" ] || { echo "binlog rotated between dump and bad statement; replay each file" >&2; exit 1; }
mariadb-binlog --start-position="$POS" --stop-position="$BADPOS" --rewrite-db="$DB->${DB}_pitr" \
  "$WORK/full/$FILE" | $B -D "${DB}_pitr"
sums "$B" "${DB}_pitr" >"$WORK/pitr.sums"
diff "$WORK/before-bad.sums" "$WORK/pitr.sums" && say "PITR: restored to just before the bad statement, every table equal"
cli $PORT "${DB}_pitr" audit-verify
say "physical backup and PITR check passed"
