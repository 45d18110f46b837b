package io.runnel.runtime.state;

import java.util.List;

/**
 * A snapshot handle that refers to files in the shared directory. The checkpoint coordinator
 * counts references to each shared file over the retained checkpoints and deletes a file once no
 * retained checkpoint lists it.
 */
public interface SharedStateHandle {
    /** File names inside the shared directory that this snapshot needs. */
    List<String> sharedFiles();
}
