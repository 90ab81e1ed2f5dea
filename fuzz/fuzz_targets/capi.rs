//! The C entry points with the bytes a C program could pass: strings that are not UTF-8 or not
//! JSON, any operation name, any body, and result paths; every status must come with an error
//! object or a result, and every handle is freed (the sanitizer reports leaks).
#![no_main]

use std::ffi::{c_char, CString};
use std::ptr;

use libfuzzer_sys::fuzz_target;
use smsc_core::capi::*;

/// The next piece of the input (up to a 0xFF separator), as a C string: interior NULs end it.
fn piece<'a>(rest: &mut &'a [u8]) -> CString {
    let (head, tail) = match rest.iter().position(|&b| b == 0xff) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (*rest, &[][..]),
    };
    *rest = tail;
    let end = head.iter().position(|&b| b == 0).unwrap_or(head.len());
    CString::new(&head[..end]).unwrap_or_default()
}

/// Checks that a failed getter left an error, and frees it.
///
/// # Safety
/// `err` holds NULL or an error from this library.
unsafe fn drop_error(status: smsc_status, err: &mut *mut smsc_error) {
    if status == smsc_status::SMSC_OK {
        assert!(err.is_null());
    } else {
        assert!(!err.is_null());
        // SAFETY: the error was just returned by the library and is freed once.
        unsafe { smsc_error_free(*err) };
        *err = ptr::null_mut();
    }
}

fuzz_target!(|data: &[u8]| {
    let mut rest = data;
    let config = piece(&mut rest);
    let op = piece(&mut rest);
    let params = piece(&mut rest);
    let path = piece(&mut rest);
    let body = rest;
    // SAFETY: every pointer passed is NULL, a live handle from this library, or a NUL-terminated
    // string / byte range that outlives the call; every handle is freed once.
    unsafe {
        let mut err: *mut smsc_error = ptr::null_mut();
        let mut client: *mut smsc_client = ptr::null_mut();
        if smsc_client_new(config.as_ptr(), &mut client, &mut err) != smsc_status::SMSC_OK {
            assert!(!err.is_null() && client.is_null());
            let _ = smsc_error_message(err);
            smsc_error_free(err);
            err = ptr::null_mut();
            if smsc_client_new_login(
                c"fuzz".as_ptr(),
                c"fuzz-password".as_ptr(),
                &mut client,
                &mut err,
            ) != smsc_status::SMSC_OK
            {
                smsc_error_free(err);
                return;
            }
        }
        let mut request: *mut smsc_request = ptr::null_mut();
        let params_ptr: *const c_char = if params.as_bytes().is_empty() {
            ptr::null()
        } else {
            params.as_ptr()
        };
        if smsc_client_prepare(client, op.as_ptr(), params_ptr, &mut request, &mut err)
            == smsc_status::SMSC_OK
        {
            let mut result: *mut smsc_result = ptr::null_mut();
            if smsc_request_parse(
                request,
                200,
                body.as_ptr(),
                body.len(),
                &mut result,
                &mut err,
            ) == smsc_status::SMSC_OK
            {
                let _ = smsc_result_json(result);
                let mut text: *const c_char = ptr::null();
                drop_error(
                    smsc_result_get_string(result, path.as_ptr(), &mut text, &mut err),
                    &mut err,
                );
                drop_error(
                    smsc_result_get_money(result, path.as_ptr(), &mut text, &mut err),
                    &mut err,
                );
                let mut int = 0i64;
                drop_error(
                    smsc_result_get_int(result, path.as_ptr(), &mut int, &mut err),
                    &mut err,
                );
                let mut count = 0usize;
                drop_error(
                    smsc_result_count(result, path.as_ptr(), &mut count, &mut err),
                    &mut err,
                );
                smsc_result_free(result);
            } else {
                assert!(!err.is_null());
                let _ = (
                    smsc_error_kind(err),
                    smsc_error_message(err),
                    smsc_error_field(err),
                );
                smsc_error_free(err);
            }
            smsc_request_free(request);
        } else {
            assert!(!err.is_null() && request.is_null());
            let _ = (
                smsc_error_kind(err),
                smsc_error_message(err),
                smsc_error_field(err),
            );
            smsc_error_free(err);
        }
        smsc_client_free(client);
    }
});
