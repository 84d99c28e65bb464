/* A stand-in for a vendor's ID card reader library (sdtapi.dll), built by the tests.
 *
 * It exports the five reader functions with the vendor's signatures and return codes, so the
 * program's ctypes driver is exercised exactly as with a real reader; and a few functions of
 * its own (standin_*) through which a test lays a card on the reader, unplugs it or makes one
 * step fail with a given code.
 */
#include <string.h>

#define OK 0x90
#define FOUND 0x9F
#define NO_CARD 0x80
#define PORT_NOT_OPEN 0x01
#define TIMEOUT 0x02

static int configured_port = 1001;
static int port_open = 0;
static int plugged = 1;
static int card_present = 0;
static unsigned char card_text[256];
static int fail_step = 0;   /* 0 none, 1 open, 2 find, 3 select, 4 read */
static int fail_code = 0;
static int short_text = 0;  /* report fewer text bytes than the block */
static int calls_open = 0, calls_close = 0, calls_read = 0;

/* -- test controls ------------------------------------------------------------------ */

void standin_reset(int port) {
    configured_port = port;
    port_open = 0;
    plugged = 1;
    card_present = 0;
    fail_step = 0;
    fail_code = 0;
    short_text = 0;
    calls_open = calls_close = calls_read = 0;
    memset(card_text, 0, sizeof card_text);
}

void standin_put_card(const unsigned char *text, int length) {
    memset(card_text, 0, sizeof card_text);
    memcpy(card_text, text, length > 256 ? 256 : length);
    card_present = 1;
}

void standin_take_card(void) { card_present = 0; }
void standin_unplug(void) { plugged = 0; port_open = 0; }
void standin_plug(void) { plugged = 1; }
void standin_fail(int step, int code) { fail_step = step; fail_code = code; }
void standin_short_text(int bytes) { short_text = bytes; }
int standin_is_open(void) { return port_open; }
int standin_calls(int which) {
    return which == 0 ? calls_open : which == 1 ? calls_close : calls_read;
}

/* -- the vendor API ----------------------------------------------------------------- */

int SDT_OpenPort(int port) {
    calls_open++;
    if (!plugged || port != configured_port) return PORT_NOT_OPEN;
    if (fail_step == 1) return fail_code;
    port_open = 1;
    return OK;
}

int SDT_ClosePort(int port) {
    calls_close++;
    if (port != configured_port || !port_open) return PORT_NOT_OPEN;
    port_open = 0;
    return OK;
}

int SDT_StartFindIDCard(int port, unsigned char *manage_info, int if_open) {
    (void)if_open;
    if (!plugged) return TIMEOUT;
    if (!port_open || port != configured_port) return PORT_NOT_OPEN;
    if (fail_step == 2) return fail_code;
    if (!card_present) return NO_CARD;
    memset(manage_info, 0, 8);
    return FOUND;
}

int SDT_SelectIDCard(int port, unsigned char *serial, int if_open) {
    (void)if_open;
    if (!plugged) return TIMEOUT;
    if (!port_open || port != configured_port) return PORT_NOT_OPEN;
    if (fail_step == 3) return fail_code;
    memset(serial, 0x5A, 8);
    return OK;
}

int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len,
                    unsigned char *photo, unsigned int *photo_len, int if_open) {
    (void)if_open;
    calls_read++;
    if (!plugged) return TIMEOUT;
    if (!port_open || port != configured_port) return PORT_NOT_OPEN;
    if (fail_step == 4) return fail_code;
    memcpy(text, card_text, 256);
    *text_len = short_text ? (unsigned int)short_text : 256;
    memset(photo, 0xAB, 1024); /* a photo (wlt) the program must not keep */
    *photo_len = 1024;
    return OK;
}
