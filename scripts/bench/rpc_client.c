/* The baseline of `make bench`'s networked start-up row: one JSON-RPC request over a plain
 * socket, nothing else. POSTs the bytes of BODY_FILE to http://127.0.0.1:PORT/ (HTTP/1.1),
 * reads the answer by its Content-Length, writes the body to stdout and exits 0 when the
 * status is 200 and the body holds a "result"; otherwise 1.
 *
 *   cc -O2 -o rpc_client rpc_client.c && ./rpc_client PORT BODY_FILE
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s PORT BODY_FILE\n", argv[0]); return 2; }
    static char body[65536], request[70000], answer[1 << 20];
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror(argv[2]); return 1; }
    size_t body_len = fread(body, 1, sizeof body, f);
    fclose(f);

    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1])) };
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) { perror("connect"); return 1; }

    int head = snprintf(request, sizeof request,
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/json\r\n"
                        "Accept: application/json\r\nContent-Length: %zu\r\n\r\n", argv[1], body_len);
    memcpy(request + head, body, body_len);
    if (write_all(fd, request, (size_t)head + body_len) != 0) { perror("write"); return 1; }

    size_t got = 0;
    long content_length = -1;
    char *body_start = NULL;
    for (;;) {
        ssize_t r = read(fd, answer + got, sizeof answer - 1 - got);
        if (r <= 0) break;
        got += (size_t)r;
        answer[got] = 0;
        if (!body_start) {
            char *end = strstr(answer, "\r\n\r\n");
            if (!end) continue;
            body_start = end + 4;
            for (char *line = strstr(answer, "\r\n"); line && line < end; line = strstr(line + 2, "\r\n")) {
                if (strncasecmp(line + 2, "Content-Length:", 15) == 0) content_length = atol(line + 17);
            }
            if (content_length < 0) break;
        }
        if ((long)(answer + got - body_start) >= content_length) break;
    }
    close(fd);
    if (!body_start || content_length < 0 || strncmp(answer, "HTTP/1.1 200", 12) != 0) {
        fprintf(stderr, "rpc_client: no complete 200 answer\n");
        return 1;
    }
    fwrite(body_start, 1, (size_t)content_length, stdout);
    putchar('\n');
    return strstr(body_start, "\"result\"") ? 0 : 1;
}
