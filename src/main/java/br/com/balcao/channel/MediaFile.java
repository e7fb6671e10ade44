package br.com.balcao.channel;

import java.io.IOException;
import java.io.OutputStream;

/** A message's media file as WhatsApp keeps it, ready to be copied to a browser without holding it in memory. */
public interface MediaFile {

    String contentType();

    /** The size in bytes, or -1 when WhatsApp did not say. */
    long length();

    void writeTo(OutputStream out) throws IOException;
}
