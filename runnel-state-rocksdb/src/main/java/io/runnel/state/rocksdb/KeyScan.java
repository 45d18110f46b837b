package io.runnel.state.rocksdb;

import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/** Lists the keys of one column family, decoding them from the key bytes (a full scan). */
final class KeyScan {
    private KeyScan() {}

    static List<Object> keys(StateDatabase db, ColumnFamilyHandle cf) throws RocksDBException {
        List<Object> keys = new ArrayList<>();
        ByteIn in = new ByteIn();
        byte[] previous = null;
        int previousLength = 0;
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions())) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                // Map entries share key group + key: count the key once.
                if (previous != null && k.length >= previousLength && Arrays.equals(k, 0, previousLength, previous, 0, previousLength)) continue;
                in.wrap(k, StateBytesDescriptor.KEY_GROUP_BYTES, k.length - StateBytesDescriptor.KEY_GROUP_BYTES);
                keys.add(CompactSerializer.read(in));
                previous = k;
                previousLength = in.position();
            }
            it.status();
        }
        return keys;
    }
}
