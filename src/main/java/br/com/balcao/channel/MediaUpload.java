package br.com.balcao.channel;

import org.springframework.core.io.Resource;

/** A file to upload to WhatsApp: its content (read as a stream), its MIME type and the name the customer sees. */
public record MediaUpload(Resource content, String mimeType, String fileName) {
}
