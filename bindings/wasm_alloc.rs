//! The wasm module's allocator: talc, with the small blocks a call makes and frees (keys,
//! strings, the form, the request text) kept on free lists of their size class.
//!
//! A call allocates a few dozen small blocks and frees them all before it returns; talc finds
//! and splits a gap for each and merges it back afterwards, which measured about a sixth of a
//! send call. A freed small block instead goes onto the list of its class and is handed out
//! again as it is: two pointer moves each way. A string growing within its class keeps its
//! block. Blocks larger than [`MAX_SMALL`] go to talc unchanged.
//!
//! Memory: a block on a list is only ever reused for its own class, so the module keeps at most
//! the largest number of blocks of each class that were alive at one time; a steady workload
//! therefore does not grow (the memory test of `js/test/memory.test.js` holds this).

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// The size classes: 16, 32, … 2048 bytes.
const CLASSES: usize = 8;
/// log2 of the smallest class.
const MIN_SHIFT: u32 = 4;
/// The largest block served from a list.
const MAX_SMALL: usize = 1 << (MIN_SHIFT as usize + CLASSES - 1);
/// Every class block's alignment: the largest any type of the crate asks for.
const ALIGN: usize = 16;

/// `inner`, fronted by a free list per size class.
pub(crate) struct Cached<A> {
    inner: A,
    /// The first free block of each class; a free block holds the address of the next.
    free: UnsafeCell<[*mut u8; CLASSES]>,
}

// The module runs on one thread (this allocator is only used without the atomics feature), so
// the lists are never touched by two callers at once.
unsafe impl<A: Sync> Sync for Cached<A> {}

impl<A> Cached<A> {
    /// `inner` with empty lists.
    pub(crate) const fn new(inner: A) -> Self {
        Cached {
            inner,
            free: UnsafeCell::new([core::ptr::null_mut(); CLASSES]),
        }
    }
}

/// The class a block of `layout` is served from, if it is small.
fn class(layout: Layout) -> Option<usize> {
    if layout.size() > MAX_SMALL || layout.align() > ALIGN {
        return None;
    }
    let size = layout.size().max(1 << MIN_SHIFT);
    Some((usize::BITS - (size - 1).leading_zeros() - MIN_SHIFT) as usize)
}

/// The layout of a block of class `c`.
fn class_layout(c: usize) -> Layout {
    // A power of two no larger than MAX_SMALL with a power-of-two alignment: always valid.
    unsafe { Layout::from_size_align_unchecked((1 << MIN_SHIFT) << c, ALIGN) }
}

unsafe impl<A: GlobalAlloc> GlobalAlloc for Cached<A> {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class(layout) else {
            return unsafe { self.inner.alloc(layout) };
        };
        let lists = unsafe { &mut *self.free.get() };
        let Some(head) = lists.get_mut(c) else {
            return core::ptr::null_mut();
        };
        if head.is_null() {
            return unsafe { self.inner.alloc(class_layout(c)) };
        }
        let block = *head;
        // A free block's first word is the next free block of its class.
        *head = unsafe { block.cast::<*mut u8>().read() };
        block
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(c) = class(layout) else {
            return unsafe { self.inner.dealloc(ptr, layout) };
        };
        let lists = unsafe { &mut *self.free.get() };
        if let Some(head) = lists.get_mut(c) {
            unsafe { ptr.cast::<*mut u8>().write(*head) };
            *head = ptr;
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The caller guarantees that `new_size` with the old alignment is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class(layout), class(new_layout)) {
            (None, None) => unsafe { self.inner.realloc(ptr, layout, new_size) },
            (Some(old), Some(new)) if old == new => ptr,
            _ => {
                let moved = unsafe { self.alloc(new_layout) };
                if !moved.is_null() {
                    unsafe {
                        core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                moved
            }
        }
    }
}
