package br.com.balcao.channel;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;

/**
 * A resource under another file name: a multipart part takes its file name from its resource, and the app's
 * files are stored under random names.
 */
final class NamedResource extends AbstractResource {

    private final Resource content;
    private final String fileName;

    NamedResource(Resource content, String fileName) {
        this.content = content;
        this.fileName = fileName;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return content.getInputStream();
    }

    @Override
    public long contentLength() throws IOException {
        return content.contentLength();
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    @Override
    public String getDescription() {
        return "file " + fileName + " (" + content.getDescription() + ")";
    }
}
